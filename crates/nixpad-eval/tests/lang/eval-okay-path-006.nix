# The path ./. is the file's directory
[ (builtins.typeOf ./.) (baseNameOf ./lib/.) (baseNameOf (dirOf ./lib/x.nix)) ]
