# let with nested attribute paths
let x.y = 1; x.z = 2; in x
