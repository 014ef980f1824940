{ files, sources, ... }:
let
  m = files."main.nix";
  src = sources."main.nix";
  hasInfix = needle: s: builtins.replaceStrings [ needle ] [ "" ] s != s;
in
[
  { name = "greeting is \"Hello, Ada!\""; expected = "Hello, Ada!"; actual = m.greeting or null; hint = 1; }
  { name = "greeting uses the name variable"; ok = hasInfix "\${name}" src; hint = 1;
    message = "Write `\${name}` inside the string instead of typing Ada again."; }
  { name = "url is built from host and path"; expected = "https://nixos.org/manual/nix"; actual = m.url or null; hint = 2; }
  { name = "summary says how many cats"; expected = "Ada has 3 cats"; actual = m.summary or null; hint = 2; }
  { name = "summary converts the number with toString"; ok = hasInfix "toString" src; hint = 2; }
]
