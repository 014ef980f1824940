# true, false and null can be shadowed
let true = false; in true
