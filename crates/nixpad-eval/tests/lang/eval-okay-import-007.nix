# Importing the same file twice gives the same value
let a = import ./lib/set.nix; b = import ./lib/set.nix; in [ a b (a == b) ]
