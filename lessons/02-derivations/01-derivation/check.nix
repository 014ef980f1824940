{ files, syntax, check, ... }:
let
  h = check.attr files."main.nix" "hello";
  get = check.attr h;
  want = derivation {
    name = "hello";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "echo hello > $out" ];
  };
in
[
  { name = "hello is a derivation"; expected = "derivation"; actual = get "type"; hint = 1; }
  { name = "its name is \"hello\""; expected = "hello"; actual = get "name"; hint = 1; }
  { name = "its builder is /bin/sh"; expected = "/bin/sh"; actual = get "builder"; hint = 1; }
  { name = "its arguments run echo hello"; expected = [ "-c" "echo hello > $out" ]; actual = get "args"; hint = 3; }
  { name = "hello is the derivation real Nix computes"; ok = check.drvDiff want h == ""; hint = 2;
    reveal = false; why = check.drvDiff want h; }
  (check.syntaxCheck { name = "hello is made by the derivation builtin"; ok = check.usesBuiltin syntax."main.nix" "derivation"; hint = 1; })
]
