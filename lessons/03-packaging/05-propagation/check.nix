{ files, importWith, check, ... }:
let
  pkgs = import <nixpkgs> { };
  inherit (pkgs) lib;
  file = importWith { "probe.nix" = "./libfoo.nix"; } "probe.nix";
  appFile = importWith { "probe.nix" = "./app.nix"; } "probe.nix";
  isPackageFn = check.isFn files."libfoo.nix";
  build = args: if isPackageFn then pkgs.callPackage file args else null;
  libfoo = build { };
  # A hidden zlib, to see that the learner's libfoo passes on whatever zlib it is given.
  otherZlib = pkgs.zlib.overrideAttrs { pname = "zlib-ng-compat"; };
  libfooOther = build { zlib = otherZlib; };
  app = l: if check.isRealDerivation l then pkgs.callPackage appFile { libfoo = l; } else null;
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  attrs = d: if check.isRealDerivation d then d.drvAttrs else { };
  names = list: map (d: d.pname or d.name or "?") (if builtins.isList list then list else [ ]);
  searchPath = d: lib.splitString ":" ((attrs d).PKG_CONFIG_PATH or "");
  zlibPc = z: "${lib.getDev z}/lib/pkgconfig";
in
[
  { name = "libfoo.nix is a package function"; hint = 1; ok = isPackageFn && check.isRealDerivation libfoo; }
  { name = "pkg-config runs during libfoo's build: a native build input"; hint = 1;
    expected = [ true false ];
    actual = safe [ (builtins.elem "pkg-config" (names ((attrs libfoo).nativeBuildInputs or [ ]))) (builtins.elem "pkg-config" (names ((attrs libfoo).buildInputs or [ ] ++ (attrs libfoo).propagatedBuildInputs or [ ]))) ]; }
  { name = "zlib is part of libfoo's interface: propagated"; hint = 2;
    expected = [ "zlib" ]; actual = safe (names ((attrs libfoo).propagatedBuildInputs or [ ])); }
  { name = "libfoo's own build finds zlib through PKG_CONFIG_PATH"; hint = 3;
    ok = safe (builtins.elem (zlibPc pkgs.zlib) (searchPath libfoo)) == true; }
  { name = "app, which names only libfoo, finds zlib too"; hint = 3;
    ok = safe (builtins.elem (zlibPc pkgs.zlib) (searchPath (app libfoo))) == true;
    message = "app's PKG_CONFIG_PATH has no zlib: only propagated inputs reach the packages that use libfoo."; }
  { name = "with another zlib given to libfoo, app gets that one"; hint = 2;
    ok = safe (builtins.elem (zlibPc otherZlib) (searchPath (app libfooOther))) == true; }
]
