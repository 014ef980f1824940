# Cross-compilation: platforms, pkgsCross, splicing, and what stays on the build platform.
let
  pkgs = import <nixpkgs> { };
  inherit (pkgs) lib;
  aarch64 = pkgs.pkgsCross.aarch64-multiplatform;
  windows = pkgs.pkgsCross.mingwW64;
  names = map (p: p.name);
  # A package written as nixpkgs packages are: its inputs come through callPackage, so
  # `nativeBuildInputs` get the build platform's twin and `buildInputs` the host's.
  tool = { stdenv, pkg-config, zlib, gcc }: stdenv.mkDerivation {
    pname = "tool";
    version = "1.0";
    nativeBuildInputs = [ pkg-config ];
    buildInputs = [ zlib ];
    depsBuildBuild = [ gcc ];
  };
  shell = { mkShell, jq, zlib }: mkShell { packages = [ jq ]; buildInputs = [ zlib ]; };
in
{
  platforms = map (p: { inherit (p) system config libc isStatic isLinux isWindows isAarch64 is64bit; })
    (map lib.systems.elaborate [ "x86_64-linux" "armv7l-linux" lib.systems.examples.raspberryPi lib.systems.examples.mingwW64 { config = "x86_64-unknown-linux-musl"; isStatic = true; } ]);
  canExecute = with lib.systems; [
    ((elaborate "x86_64-linux").canExecute (elaborate "i686-linux"))
    ((elaborate "x86_64-linux").canExecute (elaborate examples.aarch64-multiplatform))
    ((elaborate "x86_64-linux").canExecute (elaborate examples.musl64))
  ];
  native = {
    inherit (pkgs.hello) name system;
    sameAsBuildPackages = pkgs.buildPackages.hello.drvPath == pkgs.hello.drvPath;
  };
  aarch64 = {
    inherit (aarch64.hello) name system;
    host = aarch64.stdenv.hostPlatform.config;
    build = aarch64.stdenv.buildPlatform.config;
    cc = aarch64.stdenv.cc.name;
    inherit (aarch64.stdenv.cc) targetPrefix;
    libc = aarch64.stdenv.cc.libc.name;
    # The build platform's set is the native one, with the same overlays.
    buildPackagesIsNative = aarch64.buildPackages.hello.drvPath == pkgs.hello.drvPath;
    # Sources are downloads: the same fixed-output derivation for every platform.
    sameSource = aarch64.hello.src.drvPath == pkgs.hello.src.drvPath;
    tool = let t = aarch64.callPackage tool { }; in {
      inherit (t) name;
      nativeBuildInputs = names t.nativeBuildInputs;
      buildInputs = names t.buildInputs;
      depsBuildBuild = names t.depsBuildBuild;
    };
    shell = let s = aarch64.callPackage shell { }; in {
      inherit (s) name;
      nativeBuildInputs = names s.nativeBuildInputs;
      buildInputs = names s.buildInputs;
    };
  };
  windows = { inherit (windows.zlib) name; libc = windows.stdenv.cc.libc.name; exe = windows.stdenv.hostPlatform.extensions.executable; };
  static = { inherit (pkgs.pkgsStatic.hello) name; libc = pkgs.pkgsStatic.stdenv.cc.libc.name; };
  musl = { inherit (pkgs.pkgsMusl.hello) name; libc = pkgs.pkgsMusl.stdenv.cc.libc.name; differs = pkgs.pkgsMusl.hello.drvPath != pkgs.hello.drvPath; };
}
