{ files, importWith, check, ... }:
let
  m = files."main.nix";
  g = files."greeting.nix";
  # main.nix re-imported beside other versions of the files it should import.
  withGreeting = importWith { "greeting.nix" = "{ name }: \"Hi \" + name"; } "main.nix";
  withLib = importWith { "lib.nix" = "{ double = x: x * 3; }"; } "main.nix";
in
[
  { name = "greeting.nix is a function of { name }"; expected = { name = false; };
    actual = if check.isFn g then builtins.functionArgs g else builtins.typeOf g; hint = 2; }
  { name = "greeting.nix greets Grace"; expected = "Hello, Grace!"; actual = check.call g [ { name = "Grace"; } ]; hint = 2; }
  { name = "main.nix's greeting is \"Hello, Ada!\""; expected = "Hello, Ada!"; actual = m.greeting or null; hint = 3; }
  { name = "main.nix imports greeting.nix"; expected = "Hi Ada"; actual = withGreeting.greeting or null; hint = 3; reveal = false;
    why = "greeting in main.nix must come from calling greeting.nix: with another greeting.nix, it must change."; }
  { name = "answer is 42, from lib.nix"; expected = 42; actual = m.answer or null; hint = 1; }
  { name = "main.nix imports lib.nix"; expected = 63; actual = withLib.answer or null; hint = 1; reveal = false;
    why = "answer must come from lib.nix's double: with another lib.nix, it must change."; }
]
