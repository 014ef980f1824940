# The bootstrap of the standard environment on Linux, in three stages (see ../booter.nix):
#
#   stage 0  stdenv from the prebuilt bootstrap tools (a tarball, fetched by Nix itself);
#            its package set builds the real compiler: gcc-unwrapped, binutils-unwrapped,
#            glibc (and gmp, mpfr, libmpc for gcc).
#   stage 1  stdenv with that compiler (still the bootstrap tools' shell and utilities);
#            its package set builds the standard tools: bash, coreutils, gnumake, sed, ...
#   final    stdenv made only of packages built by Nix; the package set with the overlays.
#
# Each stage takes the toolchain packages from the stage before (`overrides`), so that
# `pkgs.bash` is the very bash the final stdenv runs, not a second one.
{ lib, config, hostPlatform }:
let
  bootstrapFiles = import ./bootstrap-files.nix { inherit hostPlatform; };

  # The prebuilt tools, unpacked by the busybox that comes with them.
  bootstrapTools = derivation {
    name = "bootstrap-tools";
    system = hostPlatform.system;
    builder = bootstrapFiles.busybox;
    args = [ "ash" "-e" ./unpack-bootstrap-tools.sh ];
    tarball = bootstrapFiles.bootstrapTools;
  };

  mkStdenv = import ../generic { inherit lib config; };

  # A compiler wrapper built with the plainest derivation (stage 0 has nothing else yet).
  bootstrapCC = derivation {
    name = "bootstrap-stage0-gcc-wrapper";
    system = hostPlatform.system;
    builder = "${bootstrapTools}/bin/bash";
    args = [ "-e" ../../build-support/cc-wrapper/builder.sh ];
    cc = bootstrapTools;
    libc = bootstrapTools;
    bintools = bootstrapTools;
    wrapperName = "gcc";
  } // { isGNU = true; version = "bootstrap"; };

  # The tools every stage's package set takes from the stage before it.
  standardTools = [ "bash" "coreutils" "findutils" "diffutils" "gnused" "gnugrep" "gawk" "gnutar" "gzip" "bzip2" "xz" "gnumake" "gnupatch" ];
  compilerPackages = [ "gcc-unwrapped" "binutils-unwrapped" "glibc" "gmp" "mpfr" "libmpc" ]
    ++ lib.optional hostPlatform.isMusl "musl";
in
[
  # stage 0: everything from the bootstrap tools.
  (prevStage: {
    stdenv = mkStdenv {
      name = "bootstrap-stage0-stdenv-linux";
      inherit hostPlatform;
      shell = "${bootstrapTools}/bin/bash";
      initialPath = [ bootstrapTools ];
      cc = bootstrapCC;
      fetchurlBoot = import ../../build-support/fetchurl/boot.nix { inherit hostPlatform; };
    };
    overrides = final: prev: { fetchurl = final.stdenv.fetchurlBoot; };
  })

  # stage 1: the compiler built in stage 0, the bootstrap tools' shell and utilities.
  (prevStage: {
    stdenv = mkStdenv {
      name = "bootstrap-stage1-stdenv-linux";
      inherit hostPlatform;
      shell = "${bootstrapTools}/bin/bash";
      initialPath = [ bootstrapTools ];
      cc = prevStage.wrapCCWith {
        cc = prevStage.gcc-unwrapped;
        bintools = prevStage.binutils-unwrapped;
        # `pkgsMusl` (a musl platform built natively) links against musl instead.
        libc = if hostPlatform.isMusl then prevStage.musl else prevStage.glibc;
      };
      inherit (prevStage.stdenv) fetchurlBoot;
    };
    overrides = final: prev:
      lib.genAttrs compilerPackages (name: prevStage.${name})
      // { fetchurl = final.stdenv.fetchurlBoot; gcc = final.stdenv.cc; };
  })

  # final: a standard environment made of packages built by Nix.
  (prevStage: {
    stdenv = mkStdenv {
      name = "stdenv-linux";
      inherit hostPlatform;
      shell = "${prevStage.bash}/bin/bash";
      initialPath = map (name: prevStage.${name}) standardTools;
      cc = prevStage.stdenv.cc;
      inherit (prevStage.stdenv) fetchurlBoot;
    };
    overrides = final: prev:
      lib.genAttrs (standardTools ++ compilerPackages ++ [ "gcc" ]) (name: prevStage.${name});
  })
]
