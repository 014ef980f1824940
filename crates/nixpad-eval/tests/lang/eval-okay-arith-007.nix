# Space-free expressions with + and -
let a = 5; b = 2; in [ (a+b) (a - b) (a*b) ]
