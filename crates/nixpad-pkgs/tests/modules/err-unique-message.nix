# types.unique shows its message when set twice.
let lib = import <nixpkgs/lib>; in
(lib.evalModules {
  modules = [
    { options.ids = lib.mkOption { type = lib.types.unique { message = "Only one module may set ids."; } (lib.types.listOf lib.types.int); }; }
    { _file = "a.nix"; ids = [ 1 ]; }
    { _file = "b.nix"; ids = [ 2 ]; }
  ];
}).config.ids
