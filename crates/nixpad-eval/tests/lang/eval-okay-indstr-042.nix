# Escaped ''' in the middle of a line
''a '''quoted''' b''
