# Functions: currying, set patterns, defaults and `@` patterns.
let
  add = a: b: a + b;          # a function returning a function
  increment = add 1;          # partial application

  # A set pattern with a default; `...` accepts extra attributes
  greet = { name, greeting ? "Hello", ... }: "${greeting}, ${name}!";

  # `args@{ ... }` names the whole argument too
  describe = args@{ name, ... }: "${name} has ${toString (builtins.length (builtins.attrNames args))} attributes";

  compose = f: g: x: f (g x);
in
{
  three = increment 2;
  hello = greet { name = "Nix"; };
  hi = greet { name = "you"; greeting = "Hi"; extra = true; };
  described = describe { name = "pkg"; version = "1.0"; };
  composed = (compose (x: x * 10) increment) 4;
  functionArgs = builtins.functionArgs greet;
}
