# Interpolated whitespace is not stripped
''
  a
   ${"  "}
  b
''
