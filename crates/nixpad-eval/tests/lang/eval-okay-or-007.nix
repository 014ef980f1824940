# or with dynamic names
let k = "z"; in { z = 1; }.${k} or 0
