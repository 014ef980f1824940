{ files, ... }:
let
  m = files."main.nix";
  fn = name: builtins.isFunction (m.${name} or null);
in
[
  { name = "double 21 is 42"; expected = 42; actual = if fn "double" then m.double 21 else m.double or null; hint = 2; }
  { name = "greet \"Hi\" \"Ada\" is \"Hi, Ada!\""; expected = "Hi, Ada!";
    actual = if fn "greet" then (let r = m.greet "Hi"; in if builtins.isFunction r then r "Ada" else r) else m.greet or null; hint = 1; }
  { name = "hello \"Grace\" is \"Hello, Grace!\""; expected = "Hello, Grace!";
    actual = if fn "hello" then m.hello "Grace" else m.hello or null; hint = 1; }
  { name = "compose toString double 4 is \"8\""; expected = "8";
    actual = if fn "compose" && fn "double" then m.compose toString m.double 4 else m.compose or null; hint = 2; }
]
