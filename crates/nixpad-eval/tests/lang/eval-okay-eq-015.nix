# Paths compare by their normalised text
[ (/a/b == /a/../a/b) (/a == /a/.) ]
