# throw inside a function call
let f = x: if x > 2 then throw "x too big: ${toString x}" else x; in f 3
