# Paths compare as strings
[ (/a < /b) (/a/b < /a/c) (/z < /a/b) ]
