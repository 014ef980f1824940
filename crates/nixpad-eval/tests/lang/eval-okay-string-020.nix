# String equality and ordering with non-ASCII bytes
[ ("é" > "z") ("é" == "é") ("a" < "é") ]
