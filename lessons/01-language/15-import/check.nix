{ files, sources, ... }:
let
  m = files."main.nix";
  g = files."greeting.nix";
  hasInfix = needle: s: builtins.replaceStrings [ needle ] [ "" ] s != s;
in
[
  { name = "greeting.nix is a function of { name }"; expected = { name = false; };
    actual = if builtins.isFunction g then builtins.functionArgs g else builtins.typeOf g; hint = 2; }
  { name = "greeting.nix greets Grace"; expected = "Hello, Grace!";
    actual = if builtins.isFunction g then g { name = "Grace"; } else g; hint = 2; }
  { name = "main.nix's greeting is \"Hello, Ada!\""; expected = "Hello, Ada!"; actual = m.greeting or null; hint = 2; }
  { name = "main.nix imports greeting.nix"; ok = hasInfix "import ./greeting.nix" sources."main.nix"; hint = 1; }
  { name = "answer is 42, from lib.nix"; expected = 42; actual = m.answer or null; hint = 1; }
  { name = "main.nix imports lib.nix"; ok = hasInfix "import ./lib.nix" sources."main.nix"; hint = 1; }
]
