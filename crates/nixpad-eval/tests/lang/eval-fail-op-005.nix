# // with a non-set on the left
1 // { }
