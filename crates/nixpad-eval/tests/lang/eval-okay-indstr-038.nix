# Indented strings and normal strings are equal when content matches
''
  a
  b
'' == "a\nb\n"
