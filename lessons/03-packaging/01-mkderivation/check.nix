{ files, importWith, check, ... }:
let
  pkgs = import <nixpkgs> { };
  file = importWith { "probe.nix" = "./package.nix"; } "probe.nix";
  isPackageFn = check.isFn files."package.nix";
  pkg = if isPackageFn then pkgs.callPackage file { } else null;
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  reference = pkgs.stdenv.mkDerivation (finalAttrs: {
    pname = "tinyhttp";
    version = "1.2.0";
    src = pkgs.fetchurl {
      url = "https://example.org/releases/tinyhttp-${finalAttrs.version}.tar.gz";
      hash = "sha256-AeT7vippcqOjswMh9rv8j8jQpBq38/6i31Ari8dm5uc=";
    };
    nativeBuildInputs = [ pkgs.pkg-config ];
    buildInputs = [ pkgs.zlib ];
    doCheck = true;
  });
  diff = safe (check.drvDiff reference pkg);
  drvPaths = list: map (d: d.drvPath or null) (if builtins.isList list then list else [ ]);
  has = list: dep: builtins.elem dep.drvPath (drvPaths list);
  # A hidden zlib, passed as the package's argument.
  otherZlib = pkgs.zlib.overrideAttrs { pname = "zlib-other"; };
  withOther = if isPackageFn then pkgs.callPackage file { zlib = otherZlib; } else null;
  newer = if check.isDerivation pkg then pkg.overrideAttrs { version = "1.3.0"; } else null;
in
[
  { name = "package.nix is a function of its inputs"; hint = 1; ok = isPackageFn; }
  { name = "tinyhttp 1.2.0"; hint = 1;
    expected = [ "tinyhttp" "1.2.0" "tinyhttp-1.2.0" ]; actual = safe [ (pkg.pname or null) (pkg.version or null) (pkg.name or null) ]; }
  { name = "pkg-config runs during the build, zlib is linked"; hint = 2;
    expected = [ true true false false ];
    actual = if check.isDerivation pkg then safe [ (has pkg.nativeBuildInputs pkgs.pkg-config) (has pkg.buildInputs pkgs.zlib) (has pkg.buildInputs pkgs.pkg-config) (has pkg.nativeBuildInputs pkgs.zlib) ] else null; }
  { name = "zlib is the one it is given"; hint = 2;
    ok = check.isDerivation withOther && safe (has withOther.buildInputs otherZlib) == true; }
  { name = "the source follows the version (overrideAttrs { version = \"1.3.0\"; })"; hint = 3;
    expected = [ "https://example.org/releases/tinyhttp-1.3.0.tar.gz" ];
    actual = if check.isDerivation newer then safe (newer.src.urls or null) else null; }
  { name = "the derivation is the expected one"; hint = 3; ok = diff == ""; message = diff; reveal = false;
    why = "Compared with mkDerivation given pname, version, src (fetchurl with the hash), the two input lists and doCheck."; }
  { name = "meta names the program and the licence"; hint = 1;
    expected = [ "tinyhttp" "MIT" ]; actual = safe [ (pkg.meta.mainProgram or null) (pkg.meta.license.spdxId or null) ]; }
]
