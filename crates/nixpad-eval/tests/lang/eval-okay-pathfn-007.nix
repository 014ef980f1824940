# dirOf on a string with repeated slashes
[ (dirOf "a//b") (baseNameOf "a//b") ]
