# deepSeq forces everything
builtins.deepSeq { a = throw "yes"; } 1
