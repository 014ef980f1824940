# zipAttrsWith passes the name
builtins.zipAttrsWith (name: values: "${name}:${toString (builtins.length values)}") [ { x = 1; y = 1; } { x = 2; } { z = 3; } ]
