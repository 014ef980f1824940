# A function that ignores its argument
let const = x: y: x; in const 1 (throw "never")
