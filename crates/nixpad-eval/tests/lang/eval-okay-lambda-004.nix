# Partial application
let sub = x: y: x - y; from10 = sub 10; in [ (from10 1) (from10 5) ]
