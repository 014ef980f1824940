# A thunk is evaluated at most once
let x = builtins.trace "evaluated once" 21; in x + x
