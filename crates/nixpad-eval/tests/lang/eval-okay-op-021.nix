# Parenthesised or
{ }.a or (2 + 1)
