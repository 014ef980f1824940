# A let binding is shared: a value is computed once
let x = builtins.trace "computed" 5; in [ x x x ]
