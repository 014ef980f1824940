{ files, ... }:
let
  h = files."main.nix".hello or null;
  get = name: if builtins.isAttrs h then h.${name} or null else null;
in
[
  { name = "hello is a derivation"; expected = "derivation"; actual = get "type"; hint = 1; }
  { name = "its name is \"hello\""; expected = "hello"; actual = get "name"; hint = 1; }
  { name = "its builder is /bin/sh"; expected = "/bin/sh"; actual = get "builder"; hint = 1; }
  { name = "its arguments run echo hello"; expected = [ "-c" "echo hello > $out" ]; actual = get "args"; hint = 2; }
  { name = "drvPath is the one real Nix computes"; expected = "/nix/store/r3f9l9f32qpzwmdgizjpbwn3ff2n6ny7-hello.drv";
    actual = get "drvPath"; hint = 2; }
  { name = "outPath is the one real Nix computes"; expected = "/nix/store/fvchbymk0m4jvldpb9m5hy0bjy2lf30k-hello";
    actual = get "outPath"; hint = 2; }
]
