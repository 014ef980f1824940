# baseNameOf and dirOf on relative paths
[ (baseNameOf ./x/y.txt) (baseNameOf (dirOf ./x/y.txt)) ]
