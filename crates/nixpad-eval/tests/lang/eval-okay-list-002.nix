# Empty list prints with a space
[ [ ] [ [ ] ] ]
