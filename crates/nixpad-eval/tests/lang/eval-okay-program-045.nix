# Mapping over attribute values with names in strings
builtins.attrValues (builtins.mapAttrs (n: v: "${n}:${builtins.toJSON v}") { a = [ 1 ]; b = { c = null; }; d = "s"; })
