# A backslash-newline in a string is a newline
"a\
b"
