# Builds the stdenv itself: a `setup` script (sourced by every build) that knows this
# stdenv's shell, initial PATH and default build inputs.
mkdir -p "$out"
{
  echo "export SHELL=$shell"
  echo "initialPath=\"$initialPath\""
  echo "defaultNativeBuildInputs=\"$defaultNativeBuildInputs\""
  echo "$preHook"
  cat "$setup"
} > "$out/setup"
