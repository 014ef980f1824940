# builtins can be shadowed by a let binding
let builtins = { length = x: "mine"; }; in builtins.length [ ]
