# == is non-associative
1 == 2 == 3
