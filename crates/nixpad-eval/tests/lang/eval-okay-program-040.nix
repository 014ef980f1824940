# Lazy infinite stream of primes taken with a bound
let
  take = n: s: if n == 0 then [ ] else [ s.head ] ++ take (n - 1) s.tail;
  from = n: { head = n; tail = from (n + 1); };
  sieve = s: { head = s.head; tail = sieve (filterS (x: x - (x / s.head) * s.head != 0) s.tail); };
  filterS = p: s: if p s.head then { head = s.head; tail = filterS p s.tail; } else filterS p s.tail;
in take 10 (sieve (from 2))
