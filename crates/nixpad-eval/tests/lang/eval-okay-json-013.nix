# fromJSON: duplicate keys, the last wins
builtins.fromJSON ''{"a":1,"a":2}''
