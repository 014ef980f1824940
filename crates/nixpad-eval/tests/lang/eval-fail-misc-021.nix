# findFile not found
builtins.findFile [ ] "nothing"
