# seq of a set does not force its attributes
builtins.seq { a = throw "never"; } "shallow"
