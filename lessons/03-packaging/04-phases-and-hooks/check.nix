{ files, importWith, check, ... }:
let
  pkgs = import <nixpkgs> { };
  file = importWith { "probe.nix" = "./package.nix"; } "probe.nix";
  isPackageFn = check.isFn files."package.nix";
  pkg = if isPackageFn then pkgs.callPackage file { } else null;
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  attrs = if check.isRealDerivation pkg then pkg.drvAttrs else { };
  mentions = name: re: let t = attrs.${name} or null; in builtins.isString t && builtins.match "(.*[^a-zA-Z])?${re}.*" (builtins.replaceStrings [ "\n" ] [ " " ] t) != null;
  pythonIn = list: builtins.any (d: (d.pname or null) == "python3") (if builtins.isList list then list else [ ]);
  # The same package with its tests turned off, as a user would.
  unchecked = if check.isRealDerivation pkg then pkg.overrideAttrs { doCheck = false; } else null;
  inputs = d: if check.isRealDerivation d then d.drvAttrs.nativeBuildInputs ++ d.drvAttrs.buildInputs ++ d.drvAttrs.propagatedBuildInputs else [ ];
in
[
  { name = "package.nix is a package function"; hint = 1; ok = isPackageFn && check.isRealDerivation pkg; }
  { name = "the tests run"; hint = 2; expected = true; actual = safe (attrs.doCheck or false); }
  { name = "python3 is there when the tests run"; hint = 2; ok = safe (pythonIn (inputs pkg)) == true; }
  { name = "with doCheck = false, python3 is not an input at all"; hint = 2; ok = safe (!(pythonIn (inputs unchecked))) == true;
    message = "Put python3 in nativeCheckInputs: it is added only when the tests run."; }
  { name = "preBuild fixes the Makefile's /usr/local to $out"; hint = 3;
    ok = safe (mentions "preBuild" "substituteInPlace +Makefile +--replace-fail +/usr/local +[$]out") == true; }
  { name = "postInstall installs the man page into $out/share/man/man1"; hint = 3;
    ok = safe (mentions "postInstall" "install +-Dm644 +mdtools[.]1 +[$]out/share/man/man1/mdtools[.]1") == true; }
  { name = "make and make install still run (no buildPhase or installPhase of your own)"; hint = 3;
    expected = [ false false ]; actual = [ (attrs ? buildPhase) (attrs ? installPhase) ]; }
]
