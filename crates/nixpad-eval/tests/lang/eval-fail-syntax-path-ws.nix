# A path followed by whitespace and an interpolation is a syntax error (found by fuzzing)
[ (/a ${"b"}) ]
