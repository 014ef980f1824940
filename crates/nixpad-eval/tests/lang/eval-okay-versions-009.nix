# splitVersion of empty and separators
[ (builtins.splitVersion "") (builtins.splitVersion "..--") (builtins.splitVersion "abc") ]
