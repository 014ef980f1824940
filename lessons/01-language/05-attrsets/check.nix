{ files, sources, ... }:
let
  m = files."main.nix";
  hasInfix = needle: s: builtins.replaceStrings [ needle ] [ "" ] s != s;
in
[
  { name = "port falls back to 80"; expected = 80; actual = m.port or null; hint = 1; }
  { name = "port uses `or`"; ok = hasInfix " or " sources."main.nix"; hint = 2; }
  { name = "hasTls is false"; expected = false; actual = m.hasTls or null; hint = 2; }
  { name = "userName is \"Ada Lovelace\""; expected = "Ada Lovelace"; actual = m.userName or null; hint = 2; }
  { name = "enabled is false"; expected = false; actual = m.enabled or null; hint = 1; }
]
