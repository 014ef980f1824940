# __ aliases for string and attribute builtins
[ (__stringLength "abc") (__attrNames { b = 1; a = 2; }) (__concatStringsSep "," [ "x" "y" ]) (__hasAttr "a" { a = 1; }) ]
