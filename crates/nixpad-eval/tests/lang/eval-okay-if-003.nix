# if as an operand of + needs parentheses
1 + (if true then 2 else 3)
