# map is also builtins.map
builtins.map (x: "<${x}>") [ "a" "b" ]
