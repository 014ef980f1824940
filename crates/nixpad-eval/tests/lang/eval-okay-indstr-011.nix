# Indentation of the first text line after the opening quote
''  x
    a
''
