# seq forces its first argument
builtins.seq (throw "forced by seq") 1
