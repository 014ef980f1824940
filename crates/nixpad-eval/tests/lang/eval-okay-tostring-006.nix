# toString allows __toString to return a non-string
[ (toString { __toString = s: 5; }) (toString { __toString = s: s.v; v = [ 1 2 ]; }) ]
