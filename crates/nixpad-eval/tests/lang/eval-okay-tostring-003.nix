# toString of lists joins with spaces and flattens
toString [ 1 [ 2 "a" ] null true false 1.5 ]
