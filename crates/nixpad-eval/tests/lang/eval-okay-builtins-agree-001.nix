# Nix 2.26 has 114 builtins without experimental features
builtins.length (builtins.attrNames builtins)
