# a missing search-path entry is an error tryEval catches
[ (builtins.tryEval <foobaz>).success (builtins.tryEval (builtins.findFile [ ] "x/y")).success ]
