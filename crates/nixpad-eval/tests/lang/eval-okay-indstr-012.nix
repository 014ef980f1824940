# Interpolation at line start counts as text for indentation
''
  ${"x"}
   y
''
