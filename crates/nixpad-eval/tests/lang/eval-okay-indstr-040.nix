# Indented string containing an interpolated indented string
let inner = ''
    x
      y
  ''; in ''
  begin
    ${inner}
  end
''
