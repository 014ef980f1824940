# Lines with trailing whitespace keep it
''
  a  
  b
''
