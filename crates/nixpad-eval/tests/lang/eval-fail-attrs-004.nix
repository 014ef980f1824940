# Selecting from a string
"abc".x
