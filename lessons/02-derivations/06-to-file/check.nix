{ files, ... }:
let
  m = files."main.nix";
  script = m.script or null;
in
[
  { name = "script is the store path real Nix computes"; expected = "/nix/store/s4yq8iy38rs6bm4g4xb52h6v44xk83lm-greet.sh";
    actual = script; hint = 1; }
  { name = "script's context is that store path";
    expected = { "/nix/store/s4yq8iy38rs6bm4g4xb52h6v44xk83lm-greet.sh" = { path = true; }; };
    actual = if builtins.isString script then builtins.getContext script else null; hint = 1; }
  { name = "greeting runs the script"; expected = [ "/nix/store/s4yq8iy38rs6bm4g4xb52h6v44xk83lm-greet.sh" ];
    actual = m.greeting.args or null; hint = 2; }
  { name = "greeting's outPath is the one real Nix computes"; expected = "/nix/store/522rapi53qwakzvs0nsqm77iks7lmk1d-greeting";
    actual = m.greeting.outPath or null; hint = 2; }
]
