# Interpolation of a variable with surrounding text
let name = "world"; in ''
  hello ${name}!
  bye
''
