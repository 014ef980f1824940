# Alternation with an empty branch
[ (builtins.match "a|" "") (builtins.match "(x|y)*" "xyx") ]
