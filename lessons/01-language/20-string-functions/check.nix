{ files, check, ... }:
let
  m = files."main.nix";
  parseName = s: check.call (check.attr m "parseName") [ s ];
  tidy = s: check.call (check.attr m "tidy") [ s ];
  render = vars: t: check.call (check.attr m "render") [ vars t ];
  shorten = n: s: check.call (check.attr m "shorten") [ n s ];
in
[
  {
    name = "parseName \"python3-3.11.4\"";
    expected = { name = "python3"; version = "3.11.4"; };
    actual = parseName "python3-3.11.4";
    hint = 2;
  }
  {
    name = "parseName keeps dashes in the name and the version";
    expected = [ { name = "xdg-utils"; version = "1.2.1-rc1"; } { name = "7zip"; version = "23.01"; } ];
    actual = [ (parseName "xdg-utils-1.2.1-rc1") (parseName "7zip-23.01") ];
    hint = 2;
  }
  {
    name = "parseName is null without a version";
    expected = [ null null ];
    actual = [ (parseName "coreutils") (parseName "gnu-hello") ];
    hint = 2;
  }
  {
    name = "tidy \"a  b\" is \"a b\"";
    expected = "a b";
    actual = tidy "a  b";
    hint = 2;
  }
  {
    name = "tidy trims both ends";
    expected = [ "build the docs" "x" "" ];
    actual = [ (tidy "   build   the docs  ") (tidy " x") (tidy "   ") ];
    hint = 2;
  }
  {
    name = "render fills every placeholder it is given";
    expected = "Dear Grace, your build 42 failed.";
    actual = render { who = "Grace"; id = "42"; status = "failed"; } "Dear @who@, your build @id@ @status@.";
    hint = 3;
  }
  {
    name = "render leaves unknown placeholders alone";
    expected = "nix-@arch@";
    actual = render { name = "nix"; } "@name@-@arch@";
    hint = 3;
  }
  {
    name = "shorten 4 \"derivation\" is \"deri...\"";
    expected = "deri...";
    actual = shorten 4 "derivation";
    hint = 1;
  }
  {
    name = "shorten keeps strings that fit";
    expected = [ "store" "store" "" ];
    actual = [ (shorten 5 "store") (shorten 50 "store") (shorten 0 "") ];
    hint = 1;
  }
]
