# baseNameOf on strings
[ (baseNameOf "/a/b/c.txt") (baseNameOf "/a/b/") (baseNameOf "a") (baseNameOf "") (baseNameOf "/") ]
