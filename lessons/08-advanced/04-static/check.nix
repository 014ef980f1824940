{ files, check, ... }:
let
  base = import <nixpkgs> { };
  # A hidden package set for another CPU: an aarch64 machine's.
  arm = import <nixpkgs> { system = "aarch64-linux"; };
  release = pkgs: let f = files."release.nix"; in if check.isFn f then f { inherit pkgs; } else null;
  r = release base;
  pick = rel: which: name: check.call (check.attr rel which) [ name ];

  # The first difference between the wanted packages and the learner's, or "".
  diffs = which: set: names:
    let all = builtins.filter (d: d != "") (map (name: check.drvDiff set.${name} (pick r which name)) names);
    in if all == [ ] then "" else "${builtins.head all}.";

  # Hidden packages to describe: a static build whose name has no `-static` marker (it
  # is given as `name`, not pname and version), and a native program with "static" in
  # its own name.
  staticNamed = base.pkgsStatic.stdenv.mkDerivation { name = "tool-1.0"; dontUnpack = true; };
  staticWebServer = base.stdenv.mkDerivation { pname = "static-web-server"; version = "2.33.1"; dontUnpack = true; };
  subjects = [
    base.hello base.pkgsStatic.zlib base.pkgsMusl.jq base.pkgsCross.musl64.curl
    base.pkgsCross.aarch64-multiplatform.zlib staticNamed staticWebServer
  ];
  linkage = field: map (drv: check.attr (check.call (check.attr r "linkage") [ drv ]) field) subjects;
in
[
  { name = "release.nix takes the package set as its argument pkgs"; hint = 1;
    ok = builtins.isAttrs r; }
  (let d = diffs "portable" base.pkgsStatic [ "jq" "curl" ]; in {
    name = "portable: programs linked statically, library and all"; hint = 1;
    ok = builtins.isAttrs r && d == ""; message = d; reveal = false;
    why = "Take the package from the static package set of `pkgs`."; })
  { name = "portable: for the CPU of the package set it is given"; hint = 2;
    ok = let got = pick (release arm) "portable" "hello"; in check.isRealDerivation got && got.drvPath == arm.pkgsStatic.hello.drvPath;
    why = "Called with an aarch64 package set, `portable` should give static aarch64 programs.";
    reveal = false; }
  (let d = diffs "musl" base.pkgsMusl [ "jq" "tree" ]; in {
    name = "musl: linked against musl, built by a musl toolchain"; hint = 2;
    ok = builtins.isAttrs r && d == ""; message = d; reveal = false;
    why = "Take the package from the package set whose own platform is musl: no cross-compiler, and not static."; })
  { name = "linkage.static: asks the platform, not the name"; hint = 3;
    expected = [ false true false false false true false ]; actual = linkage "static";
    message = "Tried on hello, pkgsStatic.zlib, pkgsMusl.jq, pkgsCross.musl64.curl, pkgsCross.aarch64-multiplatform.zlib, a static package named tool-1.0, and a native package called static-web-server."; }
  { name = "linkage.libc: the host platform's C library"; hint = 3;
    expected = [ "glibc" "musl" "musl" "musl" "glibc" "musl" "glibc" ]; actual = linkage "libc"; }
  { name = "linkage.cross: pkgsStatic is cross-compiled, pkgsMusl is not"; hint = 3;
    expected = [ false true false true true true false ]; actual = linkage "cross";
    message = "Compare the platforms a package was built with: the build machine's and the host's."; }
]
