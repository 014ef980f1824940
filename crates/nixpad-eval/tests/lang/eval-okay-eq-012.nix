# Equality stops at the first difference in lists
[ 1 (throw "never") ] == [ 2 (throw "never") ]
