# pathExists on path values: concatenation canonicalises, so no directory is required
[ (builtins.pathExists (./lib/set.nix + "/")) (builtins.pathExists (./lib/dir + "/.")) (builtins.pathExists ./lib/dir/.) ]
