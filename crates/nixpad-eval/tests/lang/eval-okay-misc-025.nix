# seq forces only the head
builtins.seq { a = throw "no"; } 1
