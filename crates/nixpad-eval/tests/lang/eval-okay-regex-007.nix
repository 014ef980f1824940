# Escaping a dot in a regex
[ (builtins.match "(.*)\\.nix" "foo.nix") (builtins.match "(.*)\\.nix" "foonix") ]
