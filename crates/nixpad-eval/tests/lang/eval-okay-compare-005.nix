# List comparison stops at the first difference
[ 1 (throw "never") ] < [ 2 (throw "never") ]
