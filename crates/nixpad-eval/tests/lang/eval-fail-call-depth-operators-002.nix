# A comparison around a recursive call nests one call per level: 5,000 levels exceed max-call-depth.
let less = n: if n == 0 then 0 else (if less (n - 1) < 0 then 0 else 1); in less 5000
