# Strings compare byte-wise: uppercase before lowercase
[ ("B" < "a") ("a" < "aa") ("a" < "a ") ("" < " ") ]
