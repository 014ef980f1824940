# A final line with text keeps no trailing newline
''
  a
  x''
