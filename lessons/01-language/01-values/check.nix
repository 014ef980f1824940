{ files, syntax, check, ... }:
let
  m = files."main.nix";
  s = syntax."main.nix";
  type = name: builtins.typeOf (check.attr m name);
in
[
  { name = "anInt is an integer"; expected = "int"; actual = type "anInt"; hint = 1; }
  { name = "anInt is larger than 100"; ok = type "anInt" == "int" && m.anInt > 100; actual = m.anInt or null; hint = 1; }
  { name = "aFloat is a float"; expected = "float"; actual = type "aFloat"; hint = 2; }
  { name = "aString is \"Nix\""; expected = "Nix"; actual = m.aString or null; hint = 1; }
  { name = "aBool is true"; expected = true; actual = m.aBool or null; hint = 1; }
  { name = "half is 3.5"; expected = 3.5; actual = m.half or null; hint = 3;
    message = "`7 / 2` is integer division; make one side a float. Keep spaces around `/`: `7/2.0` is a path."; }
  (check.syntaxCheck { name = "half is computed with a division"; ok = (s.operators."/" or 0) > 0; hint = 3;
    message = "Write half as a division of 7 by 2, not as the number it gives."; })
]
