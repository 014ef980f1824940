# Dynamic names built from other attributes
let names = [ "x" "y" ]; in builtins.listToAttrs (map (n: { name = n; value = n + n; }) names) // { ${builtins.head names + "z"} = 0; }
