# String equality is exact
[ ("a" == "a") ("a" == "A") ("" == "") ("ab" == "a" + "b") ]
