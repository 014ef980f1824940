# foldl' order of arguments
builtins.foldl' (acc: x: "(${acc} ${x})") "z" [ "a" "b" ]
