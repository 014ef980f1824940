# Two definitions of a string option at the same priority that differ.
let lib = import <nixpkgs/lib>; in
(lib.evalModules {
  modules = [
    { options.networking.hostName = lib.mkOption { type = lib.types.str; }; }
    { _file = "a.nix"; networking.hostName = "alpha"; }
    { _file = "b.nix"; networking.hostName = "beta"; }
  ];
}).config.networking.hostName
