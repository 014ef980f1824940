# `mkShell`: a derivation meant for `nix-shell` / `nix develop`: its inputs are what the
# shell provides. `packages` are added to PATH; `inputsFrom` brings in the build inputs of
# other packages (to work on them); `shellHook` runs when the shell starts; any other
# attribute becomes an environment variable.
{ lib, stdenv }:
{
  name ? "nix-shell",
  packages ? [ ],
  inputsFrom ? [ ],
  buildInputs ? [ ],
  nativeBuildInputs ? [ ],
  propagatedBuildInputs ? [ ],
  propagatedNativeBuildInputs ? [ ],
  ...
}@attrs:
let
  # The shell's own inputs, then those of `inputsFrom` (without the packages themselves).
  mergeInputs = name: (attrs.${name} or [ ]) ++ lib.subtractLists inputsFrom (lib.flatten (lib.catAttrs name inputsFrom));
  rest = builtins.removeAttrs attrs [
    "name" "packages" "inputsFrom" "buildInputs" "nativeBuildInputs"
    "propagatedBuildInputs" "propagatedNativeBuildInputs" "shellHook"
  ];
in
stdenv.mkDerivation ({
  inherit name;
  buildInputs = mergeInputs "buildInputs";
  nativeBuildInputs = packages ++ mergeInputs "nativeBuildInputs";
  propagatedBuildInputs = mergeInputs "propagatedBuildInputs";
  propagatedNativeBuildInputs = mergeInputs "propagatedNativeBuildInputs";
  # The hooks of `inputsFrom` (last one first), then the shell's own.
  shellHook = lib.concatStringsSep "\n" (lib.catAttrs "shellHook" (lib.reverseList inputsFrom ++ [ attrs ]));
  phases = [ "buildPhase" ];
  buildPhase = ''
    echo "This derivation describes a development shell (use nix-shell or nix develop); building it only records its environment." >> "$out"
    export >> "$out"
  '';
  preferLocalBuild = true;
} // rest)
