# Strings compare lexicographically by bytes
[ ("a" < "b") ("B" < "a") ("" < "a") ("abc" < "abd") ("ab" < "abc") ("Z" < "a") ("a" > "B") ]
