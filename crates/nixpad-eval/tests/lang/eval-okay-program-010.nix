# Prime numbers by trial division
let
  isPrime = n: n > 1 && builtins.all (d: n - (n / d) * d != 0) (builtins.genList (i: i + 2) (if n > 3 then n - 2 else 0));
in builtins.filter isPrime (builtins.genList (i: i) 50)
