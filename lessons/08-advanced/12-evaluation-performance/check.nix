{ files, check, ... }:
let
  m = files."audit.nix";
  call = name: args: check.call (check.attr m name) args;
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  pkgs = import <nixpkgs> { };
  inherit (pkgs) lib;

  # Stand-ins for expensive values: evaluating one fails, so an answer that evaluates too
  # much fails too.
  trap = what: throw "${what} was evaluated, but the answer does not need it";
  fake = name: {
    type = "derivation";
    inherit name;
    outPath = trap "the store path of ${name}";
    drvPath = trap "the .drv of ${name}";
    meta = trap "the meta of ${name}";
  };

  # A package set where everything but hello and a made-up package is expensive.
  trapped = {
    inherit (pkgs) hello;
    widget = { type = "derivation"; name = "widget-0.3"; version = "0.3"; drvPath = trap "widget's .drv"; };
    jq = trap "jq";
    curl = trap "curl";
    python3Packages = trap "the Python package set";
  };

  # Packages whose inputs cannot be compared by store path.
  lazyDeps = {
    name = "app-1.0";
    buildInputs = [ (fake "libb-2.0") (fake "liba-1.0") ];
    nativeBuildInputs = [ (fake "tool-3.1") (fake "liba-1.0") ];
  };

  # A package whose source and inputs are expensive, and one whose licence is broken.
  heavy = {
    name = "heavy-1.0";
    src = trap "the source";
    buildInputs = [ (trap "an input") ];
    stdenv = trap "the stdenv";
    meta = { license = [ lib.licenses.mit lib.licenses.asl20 ]; longDescription = trap "the long description"; };
  };
  brokenLicence = {
    name = "broken-1.0";
    meta.license = [ lib.licenses.mit (throw "a broken licence") ];
  };
in
[
  { name = "versions pkgs [ \"jq\" \"hello\" \"nope\" ]"; hint = 1;
    expected = { hello = "2.12.1"; jq = "1.7.1"; }; actual = safe (call "versions" [ pkgs [ "jq" "hello" "nope" ] ]); }
  { name = "versions evaluates only the packages asked for"; hint = 1;
    expected = { hello = "2.12.1"; widget = "0.3"; }; actual = safe (call "versions" [ trapped [ "widget" "hello" "gone" ] ]);
    message = "Every package of the set was evaluated (filterAttrs hands each value to its predicate): look the names up instead."; }
  { name = "inputNames pkgs.curl"; hint = 2;
    expected = [ "nghttp2-1.64.0" "openssl-3.3.2" "perl-5.40.0" "pkg-config-0.29.2" "zlib-1.3.1" ];
    actual = safe (call "inputNames" [ pkgs.curl ]); }
  { name = "inputNames never compares derivations (their store paths are not needed)"; hint = 2;
    expected = [ "liba-1.0" "libb-2.0" "tool-3.1" ]; actual = safe (call "inputNames" [ lazyDeps ]);
    message = "`==` on two derivations compares their store paths, and lib.unique compares with `==`: remove duplicates among the names."; }
  { name = "summary pkgs.perl"; hint = 3;
    expected = { licences = [ "Artistic-1.0" "GPL-1.0-or-later" ]; name = "perl-5.40.0"; }; actual = safe (call "summary" [ pkgs.perl ]); }
  { name = "summary evaluates the package only as far as the summary needs"; hint = 3;
    expected = { licences = [ "MIT" "Apache-2.0" ]; name = "heavy-1.0"; }; actual = safe (call "summary" [ heavy ]);
    message = "deepSeq on the package evaluates everything it holds, its source and its inputs included."; }
  { name = "a broken licence still fails as soon as the summary is used"; hint = 3;
    actual = (call "summary" [ brokenLicence ]).name or null; throws = "a broken licence";
    message = "Force the summary itself (deepSeq on the result), so that reading any part of it evaluates all of it."; }
]
