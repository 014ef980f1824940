# fromJSON decodes surrogate pairs
builtins.fromJSON ''"\ud83d\ude00"''
