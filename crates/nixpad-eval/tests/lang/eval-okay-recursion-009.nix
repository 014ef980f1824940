# Deeply nested attribute access chain built recursively
let mk = n: if n == 0 then { v = "bottom"; } else { next = mk (n - 1); }; get = s: if s ? next then get s.next else s.v; in get (mk 3000)
