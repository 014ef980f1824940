{ files, ... }:
let
  m = files."main.nix";
in
[
  { name = "copied is the store path real Nix computes"; expected = "/nix/store/881135vpg36ycbz4dgp3k93532sx2aq2-greeting.txt";
    actual = m.copied or null; hint = 1; }
  { name = "renamed is the copy named hi.txt"; expected = "/nix/store/x0sl5655fib4400r901p18irll52vcgb-hi.txt";
    actual = m.renamed or null; hint = 1; }
  { name = "show cats the copied file"; expected = [ "-c" "cat /nix/store/881135vpg36ycbz4dgp3k93532sx2aq2-greeting.txt > $out" ];
    actual = m.show.args or null; hint = 2; }
  { name = "show's outPath is the one real Nix computes"; expected = "/nix/store/llw138jrbx7g8smmkb2590kzhi6z8793-show";
    actual = m.show.outPath or null; hint = 2; }
]
