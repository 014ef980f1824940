# Trailing spaces on the last line are kept when it has text
''
   a
  b  ''
