# Builtins that are also global have no __ alias
__map (x: x) [ ]
