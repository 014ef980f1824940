# Mixed int/float through variables
let i = 3; f = 0.5; in [ (i * f) (i + f) (i - f) (i / f) (builtins.typeOf (i * f)) ]
