# Converting integers to hexadecimal strings
let
  digits = [ "0" "1" "2" "3" "4" "5" "6" "7" "8" "9" "a" "b" "c" "d" "e" "f" ];
  toHex = n: if n < 16 then builtins.elemAt digits n else toHex (n / 16) + builtins.elemAt digits (n - (n / 16) * 16);
in map toHex [ 0 15 16 255 4096 48879 9223372036854775807 ]
