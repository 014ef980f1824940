# A function returning a function returning a set
((a: b: { inherit a b; }) 1) 2
