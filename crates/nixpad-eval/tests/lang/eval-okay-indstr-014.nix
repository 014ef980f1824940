# Multi-line interpolated values are not re-indented
''
  a
    ${"x\ny"}
''
