{
  script = "/nix/store/s4yq8iy38rs6bm4g4xb52h6v44xk83lm-greet.sh";
  greeting = {
    type = "derivation";
    args = [ "/nix/store/s4yq8iy38rs6bm4g4xb52h6v44xk83lm-greet.sh" ];
    outPath = "/nix/store/522rapi53qwakzvs0nsqm77iks7lmk1d-greeting";
  };
}

# The real solution:
# let
#   script = builtins.toFile "greet.sh" ''
#     echo "Hello from a script" > $out
#   '';
#   greeting = derivation {
#     name = "greeting";
#     system = "x86_64-linux";
#     builder = "/bin/sh";
#     args = [ script ];
#   };
# in
# {
#   inherit script greeting;
# }
