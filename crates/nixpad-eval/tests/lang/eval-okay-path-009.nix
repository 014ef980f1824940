# pathExists on files next to the test
[ (builtins.pathExists ./lib/set.nix) (builtins.pathExists ./lib/missing.nix) (builtins.pathExists ./lib) ]
