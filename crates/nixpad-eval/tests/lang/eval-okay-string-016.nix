# Escapes inside interpolated expressions
"a${"\n"}b${"\t"}c"
