# Only whitespace gives the empty string
''   ''
