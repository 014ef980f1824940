# Arguments passed through several functions stay unevaluated
let f = x: g x; g = y: 1; in f (throw "never")
