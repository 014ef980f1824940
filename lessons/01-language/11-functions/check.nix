{ files, check, ... }:
let
  m = files."main.nix";
  call = name: check.call (check.attr m name);
in
[
  { name = "double 21 is 42"; expected = 42; actual = call "double" [ 21 ]; hint = 1; }
  { name = "double works on any number"; expected = [ 0 (-14) 2000 ]; actual = map (n: call "double" [ n ]) [ 0 (-7) 1000 ];
    reveal = false; why = "double must multiply its argument by 2, whatever it is."; hint = 1; }
  { name = "greet \"Hi\" \"Ada\" is \"Hi, Ada!\""; expected = "Hi, Ada!"; actual = call "greet" [ "Hi" "Ada" ]; hint = 2; }
  { name = "greet \"Howdy\" \"Lin\" is \"Howdy, Lin!\""; expected = "Howdy, Lin!"; actual = call "greet" [ "Howdy" "Lin" ]; hint = 2; }
  { name = "hello \"Grace\" is \"Hello, Grace!\""; expected = "Hello, Grace!"; actual = call "hello" [ "Grace" ]; hint = 2; }
  { name = "compose toString double 4 is \"8\""; expected = "8";
    actual = if check.isFn (m.double or null) then call "compose" [ toString m.double 4 ] else null; hint = 3; }
  { name = "compose applies g first"; expected = 7; actual = call "compose" [ (x: x + 1) (x: x * 2) 3 ]; hint = 3; }
]
