# mapAttrs on nested sets
builtins.mapAttrs (n: v: builtins.attrNames v) { x = { b = 1; a = 2; }; y = { }; }
