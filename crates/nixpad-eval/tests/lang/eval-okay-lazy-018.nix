# A default argument that would throw is not evaluated when the argument is given
let f = { a ? throw "default used" }: a; in f { a = "given"; }
