# Mutual recursion between attributes without a base case
rec { a = b; b = a; }.a
