{ files, ... }:
let
  m = files."main.nix";
  get = d: attr: if builtins.isAttrs (m.${d} or null) then m.${d}.${attr} or null else null;
in
[
  { name = "hash is the SHA-256 of \"hello\\n\""; expected = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
    actual = m.hash or null; hint = 1; }
  { name = "viaCurl's outPath is the one real Nix computes"; expected = "/nix/store/gy454w1cxaq731grqwylhzf4pp9r5izh-hello.txt";
    actual = get "viaCurl" "outPath"; hint = 1; }
  { name = "viaEcho runs echo"; expected = [ "-c" "echo hello > $out" ]; actual = get "viaEcho" "args"; hint = 2; }
  { name = "viaEcho has the same outPath as viaCurl"; expected = "/nix/store/gy454w1cxaq731grqwylhzf4pp9r5izh-hello.txt";
    actual = get "viaEcho" "outPath"; hint = 2; }
  { name = "…but a different drvPath"; ok = get "viaEcho" "drvPath" != null && get "viaEcho" "drvPath" != get "viaCurl" "drvPath";
    actual = get "viaEcho" "drvPath"; hint = 2; }
]
