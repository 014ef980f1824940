# isPath distinguishes paths from strings
[ (builtins.isPath /a) (builtins.isPath ./a) (builtins.isPath "/a") (builtins.isPath (toString /a)) ]
