# List elements are not separated by commas; function applications need parens
let f = x: x + 1; in [ (f 1) f 1 ]
