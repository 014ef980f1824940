# Absolute path literals print as paths
[ /a/b /x/y.nix /. ]
