# `wrapCCWith { cc; bintools; libc; }`: the compiler as builds see it. The unwrapped
# compiler knows nothing of Nix's store; the wrapper passes it the C library, the binutils
# and the include and library directories of the build's dependencies.
#
# A cross-compiler's wrapper (its `cc.targetPrefix` is `aarch64-unknown-linux-gnu-`) is
# named after the target and says its prefix (`targetPrefix`): builds call
# `aarch64-unknown-linux-gnu-gcc`. `libc = null` makes the wrapper a cross-compiler needs
# to compile the C library itself (see ../../stdenv/cross).
{ lib, stdenvNoCC }:
{ cc, bintools, libc, extraBuildCommands ? "" }:
let
  targetPrefix = cc.targetPrefix or "";
in
stdenvNoCC.mkDerivation ({
  pname = "${cc.pname or "gcc"}-wrapper";
  version = cc.version or "unknown";
  builder = ./builder.sh;
  inherit cc bintools libc extraBuildCommands;
  wrapperName = "gcc";
  passthru = {
    inherit cc bintools libc targetPrefix;
    targetPlatform = cc.targetPlatform or stdenvNoCC.hostPlatform;
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
} // lib.optionalAttrs (targetPrefix != "") {
  inherit targetPrefix;
})
