# A tour of the Nix language. Press Ctrl+Enter (or Run) to evaluate.
# Everything here is an expression: this whole file is one value.
let
  # let binds names; bindings may refer to each other in any order
  name = "Nixpad";
  version = 1;

  # Functions take one argument: `x: body`. Call with a space: `double 21`.
  double = x: x * 2;

  # Attribute sets are Nix's records.
  person = {
    name = "Ada";
    languages = [ "nix" "rust" ];
  };
in
{
  greeting = "Hello from ${name} v${toString version}!";
  answer = double 21;
  lists = [ 1 2 3 ] ++ [ (double 2) ];
  # `inherit x;` is short for `x = x;`
  inherit person;
  firstLanguage = builtins.head person.languages;
  # `or` gives a default for a missing attribute
  email = person.email or "no email";
  isBig = if double 21 > 40 then "yes" else "no";
  # `with` brings a set's attributes into scope
  sum = with builtins; foldl' (a: b: a + b) 0 [ 1 2 3 4 ];
  path = ./default.nix;
  nested.deeper.value = true;
}
