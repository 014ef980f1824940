{ files, importWith, check, ... }:
let
  m = files."main.nix";
  lib = files."lib.nix";
  # The same program on an inventory it has never seen.
  other = importWith {
    "inventory.nix" = ''
      [
        { name = "nix"; version = "2.26.3"; deps = [ "boost" "curl" "sqlite" ]; }
        { name = "sqlite"; version = "3.45.1"; deps = [ ]; }
        { name = "boost"; version = "1.86.0"; deps = [ ]; }
        { name = "curl"; version = "10.0.1"; deps = [ "zstd" ]; }
        { name = "zstd"; version = "1.5.6"; deps = [ ]; }
      ]
    '';
  } "main.nix";
  empty = importWith { "inventory.nix" = "[ ]"; } "main.nix";
  names = set: if builtins.isAttrs set then builtins.attrNames set else set;
in
[
  {
    name = "index has every package under its name";
    expected = [ "curl" "hello" "openssl" "zlib" ];
    actual = names (m.index or null);
    hint = 2;
  }
  {
    name = "index.curl is the curl package";
    expected = { name = "curl"; version = "8.5.0"; deps = [ "openssl" "zlib" ]; };
    actual = (m.index or { }).curl or null;
    hint = 2;
  }
  {
    name = "majors";
    expected = { curl = "8"; hello = "2"; openssl = "3"; zlib = "1"; };
    actual = m.majors or null;
    hint = 2;
  }
  {
    name = "summary";
    expected = "4 packages, 3 dependencies";
    actual = m.summary or null;
    hint = 1;
  }
  {
    name = "report";
    expected = "hello-2.12.1\ncurl-8.5.0 needs openssl, zlib\nopenssl-3.0.13 needs zlib\nzlib-1.3.1\n";
    actual = m.report or null;
    hint = 3;
  }
  {
    name = "major works on versions it has not seen";
    expected = [ "10" "2024" "0" ];
    actual = map (v: check.call (check.attr lib "major") [ v ]) [ "10.0.1" "2024.05" "0.9" ];
    hint = 2;
  }
  {
    name = "lines keeps the order of its list";
    expected = [ "one\ntwo\nthree\n" "" ];
    actual = [ (check.call (check.attr lib "lines") [ [ "one" "two" "three" ] ]) (check.call (check.attr lib "lines") [ [ ] ]) ];
    hint = 3;
  }
  {
    name = "the program works on another inventory";
    expected = {
      index = [ "boost" "curl" "nix" "sqlite" "zstd" ];
      majors = { boost = "1"; curl = "10"; nix = "2"; sqlite = "3"; zstd = "1"; };
      summary = "5 packages, 4 dependencies";
      report = "nix-2.26.3 needs boost, curl, sqlite\nsqlite-3.45.1\nboost-1.86.0\ncurl-10.0.1 needs zstd\nzstd-1.5.6\n";
    };
    actual = {
      index = names (other.index or null);
      majors = other.majors or null;
      summary = other.summary or null;
      report = other.report or null;
    };
    hint = 3;
    message = "The checks replaced inventory.nix with other packages: every value must come from the inventory.";
  }
  {
    name = "the program works on an empty inventory";
    expected = { index = [ ]; majors = { }; summary = "0 packages, 0 dependencies"; report = ""; };
    actual = {
      index = names (empty.index or null);
      majors = empty.majors or null;
      summary = empty.summary or null;
      report = empty.report or null;
    };
    hint = 3;
  }
]
