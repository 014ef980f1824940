# other <nix/...> names resolve too but do not exist
[ (builtins.pathExists <nix/foo.nix>) (builtins.pathExists <nix/fetchurl.nix>) <nix/foo.nix> (builtins.findFile [ ] "nix/fetchurl.nix") (builtins.tryEval <nix>).success ]
