{ files, check, ... }:
let
  f = files."cross.nix";
  # The package set, with a hidden package that downloads a prebuilt program for the
  # platform it is built for.
  base = (import <nixpkgs> { }).extend (final: prev: {
    prebuilt-tool = final.callPackage ({ stdenv, fetchurl }: stdenv.mkDerivation {
      pname = "prebuilt-tool";
      version = "3.1";
      src = {
        x86_64-linux = fetchurl { url = "https://downloads.example.org/tool-3.1-x86_64.tar.gz"; hash = "sha256-2Ld8hXAvZ3d0D8pAYcI8cfBTNbUkb4jvtHxqJBxvSSo="; };
        aarch64-linux = fetchurl { url = "https://downloads.example.org/tool-3.1-aarch64.tar.gz"; hash = "sha256-LtHjUiNPiqRmDVFWM2tcYfHxCzRXW2yNwnsIu55fmpw="; };
      }.${stdenv.hostPlatform.system};
    }) { };
  });
  # A hidden build machine: an aarch64 one.
  arm = import <nixpkgs> { system = "aarch64-linux"; };

  # What each answer should be, read from the package sets.
  want = pkgs: attr: example:
    let set = pkgs.pkgsCross.${example}; p = set.${attr}; in {
      name = p.name;
      builtOn = p.system;
      runsOn = set.stdenv.hostPlatform.system;
      compilerPrefix = set.stdenv.cc.targetPrefix;
      libc = set.stdenv.hostPlatform.libc;
      sameSource = p.src.outPath == pkgs.${attr}.src.outPath;
    };
  got = pkgs: attr: example: let r = check.call f [ pkgs attr example ]; in if builtins.isAttrs r then r else null;

  # One check per fact: the learner's answers for these cases against the package sets'.
  cases = {
    name = [ [ base "zlib" "riscv64" ] [ base "jq" "raspberryPi" ] [ base "hello" "mingwW64" ] ];
    builtOn = [ [ base "curl" "aarch64-multiplatform" ] [ arm "zlib" "riscv64" ] ];
    runsOn = [ [ base "hello" "mingwW64" ] [ base "jq" "raspberryPi" ] [ arm "zlib" "riscv64" ] ];
    compilerPrefix = [ [ base "openssl" "musl64" ] [ base "zlib" "raspberryPi" ] [ arm "zlib" "riscv64" ] ];
    libc = [ [ base "openssl" "musl64" ] [ base "hello" "mingwW64" ] [ base "zlib" "riscv64" ] ];
    sameSource = [ [ base "jq" "aarch64-multiplatform" ] [ base "prebuilt-tool" "aarch64-multiplatform" ] [ base "zlib" "riscv64" ] ];
  };
  compare = field: {
    expected = map (c: (want (builtins.elemAt c 0) (builtins.elemAt c 1) (builtins.elemAt c 2)).${field}) cases.${field};
    actual = map (c: check.attr (got (builtins.elemAt c 0) (builtins.elemAt c 1) (builtins.elemAt c 2)) field) cases.${field};
  };
in
[
  { name = "cross.nix is a function of pkgs, attr and example"; hint = 1;
    ok = builtins.isAttrs (got base "hello" "aarch64-multiplatform"); }
  ({ name = "name: a cross-built package is named after its host platform"; hint = 1; } // compare "name")
  ({ name = "builtOn: the .drv still builds on the build machine"; hint = 2;
     message = "Try it with a package set whose build machine is not yours: the .drv's `system` is the build platform."; } // compare "builtOn")
  ({ name = "runsOn: the programs run on the host platform"; hint = 2; } // compare "runsOn")
  ({ name = "compilerPrefix: the cross-compiler is named after the host"; hint = 2; } // compare "compilerPrefix")
  ({ name = "libc: the C library is the host platform's"; hint = 3; } // compare "libc")
  ({ name = "sameSource: the download is the same file, unless the package picks it by platform"; hint = 3;
     message = "Compare the cross package's `src` with the native package's: a prebuilt program downloads another file for each platform."; } // compare "sameSource")
]
