# Text on the first line counts toward the indentation
''  a
  b''
