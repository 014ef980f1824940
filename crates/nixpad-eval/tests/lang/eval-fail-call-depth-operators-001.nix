# A subtraction around a recursive call nests one call per level: 5,000 levels exceed max-call-depth.
let sub = n: if n == 0 then 0 else sub (n - 1) - 1; in sub 5000
