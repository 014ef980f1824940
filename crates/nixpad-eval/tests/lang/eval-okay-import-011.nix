# import is lazy: the file is read when the value is needed
let unused = import ./lib/throws.nix; in 1
