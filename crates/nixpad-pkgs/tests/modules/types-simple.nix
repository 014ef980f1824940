# The simple types: which values they accept (check) and how definitions merge.
let
  lib = import <nixpkgs/lib>;
  t = lib.types;
  checks = type: values: map type.check values;
  merge = type: defs: (lib.evalModules {
    modules = [ { options.x = lib.mkOption { inherit type; }; } ]
      ++ map (v: { x = v; }) defs;
  }).config.x;
in
{
  bool = checks t.bool [ true 1 ];
  int = checks t.int [ 1 1.5 "1" ];
  between = checks (t.ints.between 1 10) [ 0 1 10 11 ];
  unsigned = checks t.ints.unsigned [ (-1) 0 ];
  positive = checks t.ints.positive [ 0 1 ];
  port = checks t.port [ 0 65535 65536 ];
  u8 = checks t.ints.u8 [ 255 256 ];
  s8 = checks t.ints.s8 [ (-128) (-129) ];
  str = checks t.str [ "a" 1 ];
  path = checks t.path [ ./types-simple.nix "/etc" "etc" 1 ];
  package = checks t.package [ { type = "derivation"; name = "x"; } "/nix/store/abc-x" "x" ];
  enum = checks (t.enum [ "a" 1 ]) [ "a" 1 "b" ];
  strMatching = checks (t.strMatching "[a-z]+") [ "abc" "aBc" 1 ];
  nullOr = checks (t.nullOr t.int) [ null 1 "a" ];
  either = checks (t.either t.int t.str) [ 1 "a" true ];
  oneOf = checks (t.oneOf [ t.int t.bool t.str ]) [ 1 true "a" null ];
  raw = checks t.raw [ 1 (x: x) ];
  anything = checks t.anything [ 1 null ];
  addCheck = checks (t.addCheck t.int (n: n > 2)) [ 1 3 "x" ];
  addCheckDescription = (t.addCheck t.int (n: n > 2)).description;
  lines = merge t.lines [ "a" "b" ];
  commas = merge t.commas [ "a" "b" ];
  separated = merge (t.separatedString " | ") [ "a" "b" "c" ];
  equalStrings = merge t.str [ "same" "same" ];
  equalInts = merge t.int [ 3 3 ];
  eitherMerge = merge (t.either t.int (t.listOf t.int)) [ [ 1 ] [ 2 ] ];
  coerced = merge (t.coercedTo t.int toString t.str) [ 5 ];
  coercedList = merge (t.coercedTo t.str (s: [ s ]) (t.listOf t.str)) [ "a" [ "b" ] ];
  function = merge (t.functionTo (t.listOf t.int)) [ (x: [ x ]) (x: [ (x + 1) ]) ] 10;
  anythingMerge = merge t.anything [ { a = 1; b.c = [ 1 ]; } { b.d = true; } { b.c = [ 1 ]; } ];
  rawOne = merge t.raw [ 42 ];
  uniqOne = merge (t.uniq t.int) [ 1 ];
  descriptions = map (type: type.description) [
    t.bool t.int t.str t.lines t.commas t.path t.package (t.enum [ "a" "b" ]) (t.enum [ "a" ])
    (t.nullOr t.str) (t.listOf t.int) (t.attrsOf t.bool) (t.lazyAttrsOf t.int)
    (t.either t.int t.str) (t.oneOf [ t.int t.str t.bool ]) (t.coercedTo t.int toString t.str)
    (t.functionTo t.int) t.anything t.raw (t.uniq t.int) t.port (t.ints.between 1 10)
    t.ints.unsigned t.ints.positive (t.strMatching "[a-z]+") (t.separatedString ";")
    (t.submodule { }) t.ints.s8
  ];
}
