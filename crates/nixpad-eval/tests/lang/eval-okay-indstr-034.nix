# CR LF line endings are NOT normalised in indented strings and defeat dedenting
''
  a
  b
''
