# 8 /2 is the integer 8 applied to the path /2
8 /2
