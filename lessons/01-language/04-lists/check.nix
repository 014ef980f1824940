{ files, sources, ... }:
let
  m = files."main.nix";
  hasInfix = needle: s: builtins.replaceStrings [ needle ] [ "" ] s != s;
in
[
  { name = "tools is base plus ripgrep and jq"; expected = [ "git" "curl" "ripgrep" "jq" ]; actual = m.tools or null; hint = 1; }
  { name = "count is 4"; expected = 4; actual = m.count or null; hint = 2; }
  { name = "count is computed with builtins.length"; ok = hasInfix "length" sources."main.nix"; hint = 2; }
  { name = "firstTool is \"git\""; expected = "git"; actual = m.firstTool or null; hint = 2; }
  { name = "versions is [ \"1\" \"2\" ]"; expected = [ "1" "2" ]; actual = m.versions or null; hint = 2;
    message = "Without parentheses, `toString` and `1` are two separate elements."; }
]
