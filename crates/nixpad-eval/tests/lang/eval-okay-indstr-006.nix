# Spaces then a tab: only spaces are stripped
''
  	a
  b
''
