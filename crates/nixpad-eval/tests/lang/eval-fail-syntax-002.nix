# An unclosed list
[ 1 2
