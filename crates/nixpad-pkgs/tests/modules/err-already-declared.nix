# Two declarations of one option that both give a default.
let lib = import <nixpkgs/lib>; in
(lib.evalModules {
  modules = [
    { _file = "a.nix"; options.x = lib.mkOption { type = lib.types.int; default = 1; }; }
    { _file = "b.nix"; options.x = lib.mkOption { type = lib.types.int; default = 2; }; }
  ];
}).config.x
