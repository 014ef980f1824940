# null, booleans and negative numbers
[ null true false (-1) (-1.5) ]
