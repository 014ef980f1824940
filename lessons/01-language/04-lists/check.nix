{ files, syntax, importWith, check, ... }:
let
  m = files."main.nix";
  s = syntax."main.nix";
  # The same code on another base list.
  other = importWith { "base.nix" = ''[ "vim" ]''; } "main.nix";
in
[
  { name = "tools is base plus ripgrep and jq"; expected = [ "git" "curl" "ripgrep" "jq" ]; actual = m.tools or null; hint = 1; }
  (check.syntaxCheck { name = "tools joins base and a new list with ++"; ok = check.uses s "concat" && check.refers s "base"; hint = 1; })
  { name = "count is 4"; expected = 4; actual = m.count or null; hint = 2; }
  (check.syntaxCheck { name = "count is computed with builtins.length"; ok = check.usesBuiltin s "length"; hint = 2; })
  { name = "firstTool is \"git\""; expected = "git"; actual = m.firstTool or null; hint = 2; }
  (check.syntaxCheck { name = "firstTool is taken from the list"; ok = check.usesBuiltin s "head" || check.usesBuiltin s "elemAt"; hint = 2; })
  { name = "it works for another base list"; hint = 2; reveal = false;
    expected = { tools = [ "vim" "ripgrep" "jq" ]; count = 3; firstTool = "vim"; };
    actual = { tools = other.tools or null; count = other.count or null; firstTool = other.firstTool or null; };
    why = "With another base.nix, tools, count and firstTool must follow: compute them from `base`."; }
  { name = "versions is [ \"1\" \"2\" ]"; expected = [ "1" "2" ]; actual = m.versions or null; hint = 3;
    message = "Without parentheses, `toString` and `1` are two separate elements."; }
  (check.syntaxCheck { name = "versions calls toString"; ok = check.usesBuiltin s "toString"; hint = 3; })
]
