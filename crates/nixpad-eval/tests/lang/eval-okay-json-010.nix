# fromJSON of objects, arrays and numbers
builtins.fromJSON ''{"a": [1, 2.5, -3, 1e2, true, null, "x\u00e9\n"], "b": {}}''
