{
  copied = "/nix/store/881135vpg36ycbz4dgp3k93532sx2aq2-greeting.txt";
  renamed = "/nix/store/x0sl5655fib4400r901p18irll52vcgb-hi.txt";
  show = derivation {
    name = "show";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "cat /nix/store/881135vpg36ycbz4dgp3k93532sx2aq2-greeting.txt > $out" ];
  };
}

# The real solution:
# {
#   copied = "${./greeting.txt}";
#   renamed = builtins.path { path = ./greeting.txt; name = "hi.txt"; };
#   show = derivation {
#     name = "show";
#     system = "x86_64-linux";
#     builder = "/bin/sh";
#     args = [ "-c" "cat ${./greeting.txt} > $out" ];
#   };
# }
