# The machine alpha as one module that imports the others.
let
  lib = import <nixpkgs/lib>;
  alpha = {
    imports = [ ./os.nix ./base.nix ./web.nix ];
    networking.hostName = "alpha";
  };
in
(lib.evalModules { modules = [ alpha ]; }).config
