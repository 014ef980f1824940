# Whitespace-only lines are stripped by the common indentation
''
    
  a
''
