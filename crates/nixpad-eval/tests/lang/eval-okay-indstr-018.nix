# ''\ escapes produce characters that are not indentation
''
  ''\ta
  b
''
