# Importing a file that evaluates to a function
(import ./lib/fn.nix) 1
