# a list of one or two items is «repeated» only through the same cell
let l = [ 1 2 ]; s = { p = l; q = l; }; in [ [ l l ] [ s.p s.q ] ]
