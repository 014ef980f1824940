# Indentation with a blank line of fewer spaces than the rest
''
    a
  
    b
''
