# tryEval combined with deepSeq catches nested throws
builtins.tryEval (builtins.deepSeq [ (throw "x") ] 1)
