# A definition of the wrong type names the option, the type and where it was set.
let lib = import <nixpkgs/lib>; in
(lib.evalModules {
  modules = [
    { options.enable = lib.mkOption { type = lib.types.bool; }; }
    { _file = "machine.nix"; enable = 42; }
  ];
}).config.enable
