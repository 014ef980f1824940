# dirOf on paths returns a path
[ (dirOf /a/b/c) (dirOf /a) (dirOf /.) ]
