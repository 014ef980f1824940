# An enum lists its values in the error.
let lib = import <nixpkgs/lib>; in
(lib.evalModules {
  modules = [
    { options.level = lib.mkOption { type = lib.types.enum [ "info" "debug" ]; }; }
    { _file = "log.nix"; level = "verbose"; }
  ];
}).config.level
