# Collatz sequence lengths
let
  collatz = n: if n == 1 then 1 else 1 + collatz (if n - (n / 2) * 2 == 0 then n / 2 else 3 * n + 1);
in map collatz [ 1 2 3 6 7 27 ]
