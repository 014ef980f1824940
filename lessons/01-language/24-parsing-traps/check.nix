{ files, check, ... }:
let
  m = files."main.nix";
  fn = name: arg: check.call (check.attr m name) [ arg ];
in
[
  {
    name = "limit clamps every number to -10 … 10";
    expected = [ (-10) (-10) 0 9 10 10 ];
    actual = fn "limit" [ (-11) (-1000) 0 9 10 11 ];
    hint = 2;
  }
  {
    name = "half gives a float";
    expected = [ 4.5 0.5 (-2.0) ];
    actual = [ (fn "half" 9) (fn "half" 1) (fn "half" (-4)) ];
    hint = 2;
  }
  {
    name = "countdown 5";
    expected = [ 5 4 3 2 1 ];
    actual = fn "countdown" 5;
    hint = 2;
  }
  {
    name = "bump adds one to each number";
    expected = [ 11 0 101 ];
    actual = fn "bump" [ 10 (-1) 100 ];
    hint = 2;
  }
  {
    name = "row gives two strings";
    expected = [ "nix" "2026" ];
    actual = fn "row" { name = "nix"; size = 2026; };
    hint = 2;
  }
]
