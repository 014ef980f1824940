# stringLength of an interpolated string
builtins.stringLength "${"ab"}${"cd"}"
