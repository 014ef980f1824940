# -> with a non-Boolean left operand
1 -> true
