# Relative path literals resolve against the file: baseNameOf hides the directory
[ (baseNameOf ./foo/bar.nix) (baseNameOf ./a/../b) (baseNameOf ./a/./b) ]
