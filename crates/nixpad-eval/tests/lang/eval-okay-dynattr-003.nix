# Dynamic names in nested paths
let n = "y"; in { x.${n}.z = 1; x.w = 2; }
