# Empty string and concatenation
[ "" ("" + "") ("a" + "") ("a" + "b" + "c") ]
