# Plain sets do not see their own attributes
let a = "outer"; in { a = "inner"; b = a; }.b
