# Nested if and else-if chains
let classify = n: if n < 0 then "neg" else if n == 0 then "zero" else "pos"; in map classify [ (-1) 0 1 ]
