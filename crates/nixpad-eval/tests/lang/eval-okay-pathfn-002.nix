# dirOf on strings
[ (dirOf "/a/b/c") (dirOf "a/b") (dirOf "a") (dirOf "/") (dirOf "/a") (dirOf "a/b/") ]
