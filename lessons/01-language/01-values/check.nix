{ files, ... }:
let
  m = files."main.nix";
  type = name: if m ? ${name} then builtins.typeOf m.${name} else "missing";
in
[
  { name = "anInt is an integer"; expected = "int"; actual = type "anInt"; hint = 1; }
  { name = "anInt is larger than 100"; ok = type "anInt" == "int" && m.anInt > 100; actual = m.anInt or null; hint = 1; }
  { name = "aFloat is a float"; expected = "float"; actual = type "aFloat"; hint = 2; }
  { name = "aString is \"Nix\""; expected = "Nix"; actual = m.aString or null; hint = 1; }
  { name = "aBool is true"; expected = true; actual = m.aBool or null; }
  { name = "half is 3.5"; expected = 3.5; actual = m.half or null; message = "`7 / 2` is integer division; make one side a float."; }
]
