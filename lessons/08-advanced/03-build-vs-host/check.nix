{ files, importWith, check, ... }:
let
  base = import <nixpkgs> { };
  aarch64 = base.pkgsCross.aarch64-multiplatform;
  riscv64 = base.pkgsCross.riscv64;
  windows = base.pkgsCross.mingwW64;
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";

  # The learner's package and shell, called as Nixpkgs calls packages: through the set's
  # callPackage, which passes each package with its build machine's twin.
  called = set: fn: if check.isFn fn then set.callPackage fn { } else null;
  packer = set: called set files."package.nix";
  shell = set: called set files."shell.nix";
  # A hidden packer that also links against SQLite: the shell must follow it.
  grownShell = set: called set (importWith { "package.nix" = ''
    { stdenv, buildPackages, pkg-config, perl, zlib, openssl, sqlite }:
    stdenv.mkDerivation {
      pname = "packer";
      version = "1.3.0";
      dontUnpack = true;
      depsBuildBuild = [ buildPackages.stdenv.cc ];
      nativeBuildInputs = [ pkg-config perl ];
      buildInputs = [ zlib openssl sqlite ];
    }
  ''; } "shell.nix");

  drvPaths = list: if builtins.isList list then map (d: if builtins.isAttrs d && builtins.isString (d.drvPath or null) then d.drvPath else "") list else [ ];
  # Whether the input list `which` of derivation `drv` holds `dep` (any of its outputs).
  has = which: drv: dep: check.isDerivation drv && builtins.elem dep.drvPath (drvPaths (drv.${which} or [ ]));
  ask = f: if check.isDerivation f then safe f else null;
in
[
  { name = "package.nix is a package function that callPackage can call"; hint = 1;
    ok = check.isDerivation (packer base); }
  { name = "natively too, tools are native inputs and libraries build inputs"; hint = 1;
    expected = [ true true true true true ];
    actual = let p = packer base; in safe [ (has "nativeBuildInputs" p base.pkg-config) (has "nativeBuildInputs" p base.perl)
      (has "buildInputs" p base.zlib) (has "buildInputs" p base.openssl) (has "depsBuildBuild" p base.stdenv.cc) ]; }
  { name = "cross, pkg-config and perl are the build machine's (they run during the build)"; hint = 2;
    expected = { aarch64 = [ true true ]; riscv64 = [ true true ]; };
    actual = builtins.mapAttrs (_: set: let p = packer set; in safe [ (has "nativeBuildInputs" p set.buildPackages.pkg-config) (has "nativeBuildInputs" p set.buildPackages.perl) ])
      { inherit aarch64 riscv64; };
    message = "A program the build runs must run on the build machine: it is a native build input."; }
  { name = "cross, zlib and OpenSSL are the host's (they are linked into packer)"; hint = 2;
    expected = { aarch64 = [ true true ]; windows = [ true true ]; };
    actual = builtins.mapAttrs (_: set: let p = packer set; in safe [ (has "buildInputs" p set.zlib) (has "buildInputs" p set.openssl) ])
      { inherit aarch64 windows; };
    message = "Take the libraries from the arguments of package.nix, and list them as buildInputs."; }
  { name = "cross, the helper is compiled by the build machine's compiler"; hint = 3;
    expected = { aarch64 = true; windows = true; };
    actual = builtins.mapAttrs (_: set: safe (has "depsBuildBuild" (packer set) set.buildPackages.stdenv.cc)) { inherit aarch64 windows; };
    message = "mktable runs during the build: it needs a compiler that makes programs for the build machine, in depsBuildBuild."; }
  { name = "shell.nix makes a shell for the platform it is called for"; hint = 3;
    expected = "aarch64-unknown-linux-gnu";
    actual = let s = shell aarch64; in if check.isDerivation s then safe (s.stdenv.hostPlatform.config or null) else null; }
  { name = "the shell has packer's inputs, each on its side"; hint = 3;
    expected = [ true true true ];
    actual = let s = shell aarch64; in safe [ (has "nativeBuildInputs" s aarch64.buildPackages.pkg-config) (has "buildInputs" s aarch64.zlib) (has "buildInputs" s aarch64.openssl) ];
    message = "Bring packer's inputs in with `inputsFrom`, packer being called with the shell's own callPackage."; }
  { name = "jq in the shell runs on the build machine"; hint = 3;
    expected = { aarch64 = true; riscv64 = true; };
    actual = builtins.mapAttrs (_: set: safe (has "nativeBuildInputs" (shell set) set.buildPackages.jq)) { inherit aarch64 riscv64; }; }
  { name = "the shell follows packer's inputs when they change"; hint = 3;
    ok = safe (has "buildInputs" (grownShell aarch64) aarch64.sqlite) == true;
    message = "When packer gains a library, the shell should gain it too (`inputsFrom`)."; }
]
