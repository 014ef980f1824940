# Comments and blank lines
builtins.fromTOML "# comment\n\n  a = true # x\n[t] # y\nb = [ # c\n 1, # d\n]\n"
