# An unterminated indented string
''abc
