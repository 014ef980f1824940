# types.uniq allows a single definition.
let lib = import <nixpkgs/lib>; in
(lib.evalModules {
  modules = [
    { options.id = lib.mkOption { type = lib.types.uniq lib.types.int; }; }
    { _file = "a.nix"; id = 1; }
    { _file = "b.nix"; id = 1; }
  ];
}).config.id
