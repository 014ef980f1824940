# Calling an integer
1 2
