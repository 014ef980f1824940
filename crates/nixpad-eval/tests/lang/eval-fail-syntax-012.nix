# if without then
if true 1 else 2
