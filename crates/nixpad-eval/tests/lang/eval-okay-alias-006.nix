# __ aliases compose with other builtins
__foldl' __add 0 (__genList (x: x) 5)
