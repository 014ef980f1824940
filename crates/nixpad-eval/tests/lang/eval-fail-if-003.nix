# if cannot be an operand of + without parentheses
1 + if true then 2 else 3
