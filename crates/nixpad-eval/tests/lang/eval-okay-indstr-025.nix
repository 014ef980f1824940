# An empty line only gives a newline
''

''
