# Serialising a generated structure to JSON
builtins.toJSON (builtins.listToAttrs (builtins.genList (i: { name = "item${toString i}"; value = { index = i; even = i / 2 * 2 == i; }; }) 3))
