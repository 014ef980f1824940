# Indented string with only interpolations
let a = "A"; b = "B"; in ''${a}${b}''
