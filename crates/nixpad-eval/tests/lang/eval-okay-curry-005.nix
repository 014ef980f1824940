# Flip implemented with currying
let flip = f: a: b: f b a; in flip builtins.sub 1 10
