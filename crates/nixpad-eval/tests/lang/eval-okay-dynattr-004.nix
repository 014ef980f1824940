# Dynamic name selection with or
let n = "missing"; in { a = 1; }.${n} or "default"
