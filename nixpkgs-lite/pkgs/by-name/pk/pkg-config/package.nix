# pkg-config finds libraries' compiler and linker flags from their `.pc` files. Its
# setup hook adds each dependency's `lib/pkgconfig` to PKG_CONFIG_PATH: put it in
# `nativeBuildInputs` (it runs at build time) and the libraries in `buildInputs`.
{
  lib,
  stdenv,
  fetchurl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "pkg-config";
  version = "0.29.2";

  src = fetchurl {
    url = "https://pkg-config.freedesktop.org/releases/pkg-config-${finalAttrs.version}.tar.gz";
    hash = "sha256-Ul8RLs1zKEwqsBajsd4WHc8MTKnl7/zSo/xHJsEiIyA=";
  };

  setupHook = ./setup-hook.sh;
  configureFlags = [ "--with-internal-glib" ];
  enableParallelBuilding = true;

  # What the setup hook exports, computed without building (see make-derivation.nix):
  # the pkgconfig directories of the host dependencies, propagated ones included.
  passthru.setupHookEnv = deps: {
    PKG_CONFIG_PATH = lib.concatStringsSep ":" (lib.concatMap (dep: [ "${dep}/lib/pkgconfig" "${dep}/share/pkgconfig" ]) deps);
  };

  meta = {
    description = "Tool that allows packages to find out information about other packages";
    homepage = "https://www.freedesktop.org/wiki/Software/pkg-config";
    license = lib.licenses.gpl2Plus;
    platforms = lib.platforms.all;
    mainProgram = "pkg-config";
  };
})
