# + is left-associative: string then numbers
"n" + toString 1 + toString 2
