{ files, syntax, check, ... }:
let
  m = files."main.nix";
  s = syntax."main.nix";
in
[
  { name = "greeting is \"Hello, Ada!\""; expected = "Hello, Ada!"; actual = m.greeting or null; hint = 1; }
  (check.syntaxCheck { name = "greeting uses the name variable"; ok = check.interpolates s "name"; hint = 1;
    message = "Write `\${name}` inside the string instead of typing Ada again."; })
  { name = "url is built from host and path"; expected = "https://nixos.org/manual/nix"; actual = m.url or null; hint = 2; }
  (check.syntaxCheck { name = "url interpolates host and path"; ok = check.interpolates s "host" && check.interpolates s "path"; hint = 2; })
  { name = "summary says how many cats"; expected = "Ada has 3 cats"; actual = m.summary or null; hint = 3; }
  (check.syntaxCheck { name = "summary converts cats with toString"; ok = check.interpolates s "cats" && check.usesBuiltin s "toString"; hint = 3;
    message = "Interpolate the `cats` variable, converted with `toString`."; })
]
