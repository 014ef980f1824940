# An escaped tab after extra indentation
''
    ''\ta
  b
''
