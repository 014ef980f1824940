{ files, check, ... }:
let
  m = files."sbom.nix";
  call = name: args: check.call (check.attr m name) args;
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  sortNames = l: if builtins.isList l && builtins.all builtins.isString l then builtins.sort builtins.lessThan l else l;
  namesOf = l: if builtins.isList l then map (p: p.name or "(not a package)") l else l;
  # The names a closure function gives for pkg, sorted (the order is free).
  walk = fn: pkg: safe (sortNames (namesOf (call fn [ pkg ])));
  flagged = fn: pkg: safe (sortNames (call fn [ pkg ]));

  # An audit looks at unfree packages too: this package set lets them evaluate.
  pkgsWith = overlays: import <nixpkgs> { config.allowUnfree = true; inherit overlays; };
  pkgs = pkgsWith [ ];
  inherit (pkgs) lib;
  mk = pname: attrs: pkgs.stdenv.mkDerivation ({ inherit pname; version = "1.0"; dontUnpack = true; } // attrs);

  # A hidden graph. app links libfmt (which propagates libbase), a second zlib (same name,
  # another build) and two outputs of one openssl; libbase is built with gen-tool, a GPL
  # program that links zlib.
  zlibStatic = pkgs.zlib.overrideAttrs { configureFlags = [ "--static" ]; };
  genTool = mk "gen-tool" { buildInputs = [ pkgs.zlib ]; meta.license = lib.licenses.gpl3Plus; };
  libbase = mk "libbase" { nativeBuildInputs = [ genTool ]; meta.license = lib.licenses.lgpl21Plus; };
  libfmt = license: mk "libfmt" { propagatedBuildInputs = [ libbase ]; meta.license = license; };
  appWith = license: mk "app" {
    buildInputs = [ (libfmt license) zlibStatic pkgs.openssl (lib.getDev pkgs.openssl) ];
    meta.license = lib.licenses.mit;
  };
  app = appWith [ lib.licenses.mit lib.licenses.asl20 ];
  dualUnfree = appWith [ lib.licenses.mit lib.licenses.unfree ];

  # A package whose build-time inputs must not be read by a runtime walk.
  lazy = {
    type = "derivation";
    name = "lazy-app-1.0";
    drvPath = "/nix/store/00000000000000000000000000000000-lazy-app-1.0.drv";
    outPath = "/nix/store/00000000000000000000000000000000-lazy-app-1.0";
    buildInputs = [ pkgs.zlib ];
    propagatedBuildInputs = [ ];
    nativeBuildInputs = throw "the build-time inputs were read";
    meta.license = lib.licenses.mit;
  };

  # Hidden package sets: an overlay gives nghttp2 an unfree library, another gives
  # pkg-config an unfree tool to build with, a third relicenses zlib under the GPL.
  secret = final: final.stdenv.mkDerivation {
    pname = "secret-gen"; version = "2.0"; dontUnpack = true;
    meta.license = lib.licenses.unfreeRedistributable;
  };
  unfreeLib = pkgsWith [ (final: prev: {
    nghttp2 = prev.nghttp2.overrideAttrs (old: { buildInputs = (old.buildInputs or [ ]) ++ [ final.unrar ]; });
  }) ];
  unfreeTool = pkgsWith [ (final: prev: {
    pkg-config = prev.pkg-config.overrideAttrs (old: { nativeBuildInputs = (old.nativeBuildInputs or [ ]) ++ [ (secret final) ]; });
  }) ];
  gplZlib = pkgsWith [ (final: prev: {
    zlib = prev.zlib.overrideAttrs (old: { meta = old.meta // { license = lib.licenses.gpl2Plus; }; });
  }) ];

  shortNames = pkg: safe (let l = call "licencesOf" [ pkg ]; in if builtins.isList l then map (x: x.shortName or "?") l else l);
  first = fn: pkg: safe (let l = call fn [ pkg ]; in if builtins.isList l && l != [ ] then (builtins.head l).name or null else null);
in
[
  { name = "closure pkgs.curl: curl, its libraries and its build tools"; hint = 1;
    expected = [ "curl-8.11.1" "nghttp2-1.64.0" "openssl-3.3.2" "perl-5.40.0" "pkg-config-0.29.2" "zlib-1.3.1" ];
    actual = walk "closure" pkgs.curl; }
  { name = "the closure starts with the package itself"; hint = 1;
    expected = "app-1.0"; actual = first "closure" app; }
  { name = "a hidden package: the closure goes all the way down, propagated inputs included"; hint = 2;
    expected = [ "app-1.0" "gen-tool-1.0" "libbase-1.0" "libfmt-1.0" "openssl-3.3.2" "perl-5.40.0" "zlib-1.3.1" "zlib-1.3.1" ];
    actual = walk "closure" app;
    message = "Each package once, by its .drv: two builds of zlib with the same name are two components, two outputs of one openssl are one."; }
  { name = "runtimeClosure of the hidden package leaves out what only builds it"; hint = 2;
    expected = [ "app-1.0" "libbase-1.0" "libfmt-1.0" "openssl-3.3.2" "zlib-1.3.1" ];
    actual = walk "runtimeClosure" app; }
  { name = "runtimeClosure never reads build-time inputs"; hint = 2;
    expected = [ "lazy-app-1.0" "zlib-1.3.1" ]; actual = walk "runtimeClosure" lazy;
    message = "closureVia should follow only the inputs that `inputsOf` gives."; }
  { name = "licencesOf: one licence, several, or none"; hint = 3;
    expected = [ [ "curl" ] [ "artistic1" "gpl1Plus" ] [ ] [ ] ];
    actual = [ (shortNames pkgs.curl) (shortNames pkgs.perl) (shortNames (mk "unlicensed" { })) (shortNames { name = "bare"; }) ]; }
  { name = "unfree curl, with an overlay that gives nghttp2 an unfree library"; hint = 3;
    expected = [ "unrar-7.1.2" ]; actual = flagged "unfree" unfreeLib.curl; }
  { name = "unfree curl, with an overlay that builds pkg-config with an unfree tool"; hint = 3;
    expected = [ "secret-gen-2.0" ]; actual = flagged "unfree" unfreeTool.curl;
    message = "A tool you only build with is still software you run: its licence must allow that."; }
  { name = "unfree: one unfree licence in a list is enough"; hint = 3;
    expected = [ [ ] [ "libfmt-1.0" ] ]; actual = [ (flagged "unfree" app) (flagged "unfree" dualUnfree) ]; }
  { name = "copyleft pkgs.git (a licence without an SPDX id is not copyleft)"; hint = 3;
    expected = [ "git-2.47.1" "perl-5.40.0" "readline-8.2p13" "xz-5.6.3" ]; actual = flagged "copyleft" pkgs.git; }
  { name = "copyleft: only what is needed at run time"; hint = 3;
    expected = [ [ ] [ "libbase-1.0" ] [ ] ]; actual = [ (flagged "copyleft" pkgs.curl) (flagged "copyleft" app) (flagged "copyleft" unfreeTool.curl) ];
    message = "pkg-config, perl and gen-tool are GPL, but they only run while building: they are not part of what ships."; }
  { name = "copyleft curl, with an overlay that puts zlib under the GPL"; hint = 3;
    expected = [ "zlib-1.3.1" ]; actual = flagged "copyleft" gplZlib.curl; }
]
