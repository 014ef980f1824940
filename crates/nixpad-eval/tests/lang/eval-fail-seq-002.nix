# deepSeq forces nested values
builtins.deepSeq { a = [ (throw "deep inside") ]; } 1
