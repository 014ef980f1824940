# < on numbers and strings
[ (1 < 2) ("a" < "b") ("b" < "a") (1.5 < 1) ]
