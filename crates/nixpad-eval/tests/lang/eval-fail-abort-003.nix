# abort wins over tryEval
builtins.tryEval (builtins.deepSeq [ (abort "deep abort") ] 1)
