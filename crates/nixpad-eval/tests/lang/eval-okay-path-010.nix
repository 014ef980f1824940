# Path equality and ordering
[ (/a == /a) (/a/b == /a/b/.) (/a == /b) (/a < /b) (/a/b < /a/c) (/a < /a/b) ]
