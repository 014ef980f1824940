# groupBy rejects keys with context
builtins.groupBy (x: builtins.toFile "f" "contents") [ 1 ]
