# Makes a standard environment: a derivation (its `setup` script is what every build
# sources) plus the functions packages are made with (`mkDerivation`).
{ lib, config }:
{
  name,
  # The platform the built programs run on.
  hostPlatform,
  # The platform builds run on (the .drv files' `system`): another one than
  # `hostPlatform` makes a cross-compiling stdenv (see ../cross).
  buildPlatform ? hostPlatform,
  # The shell every build runs (`builder` of every mkDerivation).
  shell,
  # Packages whose bin/ starts PATH in every build (coreutils, sed, grep, ...).
  initialPath,
  # The C compiler wrapper, or null (`stdenvNoCC`).
  cc,
  # How to fetch before there is a curl (see ../../build-support/fetchurl/boot.nix).
  fetchurlBoot,
  # Native build inputs of every build.
  extraNativeBuildInputs ? [ ],
  preHook ? "",
}@args:
let
  defaultNativeBuildInputs = extraNativeBuildInputs ++ lib.optional (cc != null) cc;

  drv = derivation {
    inherit name shell initialPath defaultNativeBuildInputs preHook;
    system = buildPlatform.system;
    builder = shell;
    args = [ "-e" ./builder.sh ];
    setup = ./setup.sh;
  };

  stdenv = drv // {
    inherit lib shell initialPath cc fetchurlBoot hostPlatform buildPlatform;
    targetPlatform = hostPlatform;
    inherit (buildPlatform) system;
    inherit (hostPlatform) isLinux isDarwin is64bit isx86_64 isAarch64;
    # Whether this stdenv cross-compiles (its programs run on another platform).
    isCross = hostPlatform.config != buildPlatform.config || hostPlatform.isStatic != buildPlatform.isStatic;
    # Whether this stdenv has a C compiler (false for stdenvNoCC).
    hasCC = cc != null;
    mkDerivation = import ./make-derivation.nix { inherit lib config; } stdenv;
    # This stdenv with other arguments (`stdenv.override { cc = null; }` is stdenvNoCC).
    override = changes: import ./default.nix { inherit lib config; } (args // changes);
    # A shell script's syntax check (for trivial builders' checkPhase).
    shellDryRun = "${shell} -n -O extglob";
  };
in
stdenv
