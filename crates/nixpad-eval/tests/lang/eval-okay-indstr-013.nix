# Interpolation is less indented than text
''
    a
  ${"x"}
''
