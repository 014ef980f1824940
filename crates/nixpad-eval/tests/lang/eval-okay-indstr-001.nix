# Common leading indentation is removed
''
  a
    b
  c
''
