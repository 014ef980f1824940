# The generic builder of nixpkgs-lite's stdenv: sourced by every `mkDerivation` build
# (through default-builder.sh), it sets up PATH and the dependencies' setup hooks, then
# runs the phases. (Nothing in nixpkgs-lite is ever built; this is what would run.)

set -eu
set -o pipefail

# Hooks: `runHook preBuild` runs the variable or function `preBuild`, and every function
# registered with `addHook preBuild fn`.
runHook() {
  local hookName="$1"; shift
  local fn
  for fn in ${!hookName:-}; do
    if declare -F "$fn" > /dev/null; then "$fn" "$@"; else eval "$fn"; fi
  done
}
addHook() { eval "$1=\"\${$1:-} $2\""; }
# Hooks run for each dependency, e.g. to extend PKG_CONFIG_PATH (see pkg-config's hook).
envHooks=()
addEnvHooks() { shift; envHooks+=("$@"); }

# Replaces @name@ with the value of the variable `name` in a file.
substituteInPlace() {
  local file="$1"; shift
  while [ $# -gt 0 ]; do
    case $1 in
      --subst-var) local var="$2"; sed -i "s|@$var@|${!var}|g" "$file"; shift 2 ;;
      --replace-fail) sed -i "s|$2|$3|g" "$file"; shift 3 ;;
      *) echo "substituteInPlace: unknown option $1" >&2; return 1 ;;
    esac
  done
}

addToSearchPath() {
  local var="$1" dir="$2"
  if [ -d "$dir" ]; then export "$var=${!var:+${!var}:}$dir"; fi
}

# Dependencies: each one adds its bin/ to PATH, sources its setup hook, and brings the
# inputs it propagates (listed in its nix-support/) along.
declare -A seenDeps=()
findInputs() {
  local pkg="$1" kind="$2"
  [ -n "${seenDeps[$pkg]:-}" ] && return 0
  seenDeps[$pkg]=1
  case $kind in native) nativePkgs+=("$pkg") ;; host) hostPkgs+=("$pkg") ;; esac
  local file dep
  for file in propagated-native-build-inputs propagated-build-inputs; do
    if [ -f "$pkg/nix-support/$file" ]; then
      for dep in $(< "$pkg/nix-support/$file"); do
        if [ "$file" = propagated-native-build-inputs ]; then findInputs "$dep" native; else findInputs "$dep" "$kind"; fi
      done
    fi
  done
}

PATH=
for dir in $initialPath; do addToSearchPath PATH "$dir/bin"; done
nativePkgs=()
hostPkgs=()
for pkg in $defaultNativeBuildInputs ${nativeBuildInputs:-} ${propagatedNativeBuildInputs:-}; do findInputs "$pkg" native; done
for pkg in ${buildInputs:-} ${propagatedBuildInputs:-}; do findInputs "$pkg" host; done
for pkg in "${nativePkgs[@]}"; do
  addToSearchPath PATH "$pkg/bin"
  if [ -f "$pkg/nix-support/setup-hook" ]; then source "$pkg/nix-support/setup-hook"; fi
done
for pkg in "${hostPkgs[@]}"; do
  for hook in "${envHooks[@]}"; do "$hook" "$pkg"; done
done

# The phases, in order; each may be replaced (`buildPhase = "..."`) or skipped (`dontBuild`).
unpackPhase() {
  runHook preUnpack
  local src="${src:-}"
  if [ -d "$src" ]; then cp -r --no-preserve=mode "$src" source; sourceRoot=source
  else
    case "$src" in
      *.tar.gz|*.tgz) tar xzf "$src" ;;
      *.tar.xz) tar xJf "$src" ;;
      *.tar.bz2) tar xjf "$src" ;;
      *) tar xf "$src" ;;
    esac
    sourceRoot=$(ls -d */ | head -n 1)
  fi
  cd "${sourceRoot:?}"
  runHook postUnpack
}
patchPhase() {
  runHook prePatch
  local p
  for p in ${patches:-}; do patch -p1 < "$p"; done
  runHook postPatch
}
configurePhase() {
  runHook preConfigure
  if [ -x ./configure ]; then ./configure --prefix="$out" ${configureFlags:-}; fi
  runHook postConfigure
}
buildPhase() {
  runHook preBuild
  if [ -f Makefile ]; then make ${enableParallelBuilding:+-j$NIX_BUILD_CORES} ${makeFlags:-} ${buildFlags:-}; fi
  runHook postBuild
}
checkPhase() {
  runHook preCheck
  make ${checkTarget:-check}
  runHook postCheck
}
installPhase() {
  runHook preInstall
  make install ${installFlags:-}
  runHook postInstall
}
fixupPhase() {
  runHook preFixup
  local output
  for output in $outputs; do
    mkdir -p "${!output}/nix-support"
  done
  if [ -n "${propagatedBuildInputs:-}" ]; then echo "$propagatedBuildInputs" > "$out/nix-support/propagated-build-inputs"; fi
  if [ -n "${propagatedNativeBuildInputs:-}" ]; then echo "$propagatedNativeBuildInputs" > "$out/nix-support/propagated-native-build-inputs"; fi
  if [ -n "${setupHook:-}" ]; then cp "$setupHook" "$out/nix-support/setup-hook"; fi
  runHook postFixup
}
installCheckPhase() {
  runHook preInstallCheck
  make installcheck
  runHook postInstallCheck
}

genericBuild() {
  if [ -n "${buildCommand:-}" ]; then eval "$buildCommand"; return; fi
  local phase
  for phase in ${phases:-unpackPhase patchPhase configurePhase buildPhase checkPhase installPhase fixupPhase installCheckPhase}; do
    case $phase in
      unpackPhase) [ -z "${dontUnpack:-}" ] || continue ;;
      configurePhase) [ -z "${dontConfigure:-}" ] || continue ;;
      buildPhase) [ -z "${dontBuild:-}" ] || continue ;;
      checkPhase) [ -n "${doCheck:-}" ] || continue ;;
      installPhase) [ -z "${dontInstall:-}" ] || continue ;;
      fixupPhase) [ -z "${dontFixup:-}" ] || continue ;;
      installCheckPhase) [ -n "${doInstallCheck:-}" ] || continue ;;
    esac
    echo "Running phase: $phase"
    if [ -n "${!phase:-}" ]; then eval "${!phase}"; else "$phase"; fi
  done
}
