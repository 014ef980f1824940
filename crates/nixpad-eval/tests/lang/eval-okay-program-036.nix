# Splitting a version string and comparing components
let
  parse = v: map (x: builtins.fromJSON x) (builtins.filter builtins.isString (builtins.split "\\." v));
in [ (parse "1.22.3") (parse "1.22.3" < parse "1.3.0") (parse "2.0" < parse "10.0") ]
