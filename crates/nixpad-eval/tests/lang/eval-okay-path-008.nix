# Interpolation in a path literal
let d = "sub"; f = "file.nix"; in [ (baseNameOf ./x/${d}) (baseNameOf ./${d}/${f}) (baseNameOf /root/${d}) ]
