# Modulo, power and gcd
let
  mod = a: b: a - (a / b) * b;
  pow = b: e: if e == 0 then 1 else b * pow b (e - 1);
  gcd = a: b: if b == 0 then a else gcd b (mod a b);
in [ (mod 17 5) (mod (-17) 5) (pow 2 62) (gcd 1071 462) ]
