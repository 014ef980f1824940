# nullOr: some definitions null and others not.
let lib = import <nixpkgs/lib>; in
(lib.evalModules {
  modules = [
    { options.x = lib.mkOption { type = lib.types.nullOr lib.types.int; }; }
    { _file = "a.nix"; x = null; }
    { _file = "b.nix"; x = 1; }
  ];
}).config.x
