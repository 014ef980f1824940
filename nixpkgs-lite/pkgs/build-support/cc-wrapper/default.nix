# `wrapCCWith { cc; bintools; libc; }`: the compiler as builds see it. The unwrapped
# compiler knows nothing of Nix's store; the wrapper passes it the C library, the binutils
# and the include and library directories of the build's dependencies.
{ lib, stdenvNoCC }:
{ cc, bintools, libc, extraBuildCommands ? "" }:
stdenvNoCC.mkDerivation {
  pname = "${cc.pname or "gcc"}-wrapper";
  version = cc.version or "unknown";
  builder = ./builder.sh;
  inherit cc bintools libc extraBuildCommands;
  wrapperName = "gcc";
  passthru = {
    inherit cc bintools libc;
    isGNU = true;
    # What the wrapper's setup hook adds for each host dependency (see make-derivation.nix).
    setupHookEnv = deps: {
      NIX_CFLAGS_COMPILE = lib.concatMapStringsSep " " (dep: "-isystem ${lib.getDev dep}/include") deps;
      NIX_LDFLAGS = lib.concatMapStringsSep " " (dep: "-L${dep.lib or dep.out or dep}/lib") deps;
    };
  };
  meta = {
    description = "The C compiler wrapped for Nix: dependencies' headers and libraries are found through the store";
    mainProgram = "cc";
    platforms = lib.platforms.linux;
  };
}
