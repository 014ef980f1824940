# Infinite recursion forcing a list inside itself
let xs = [ (builtins.length xs + builtins.head xs) ]; in builtins.head xs
