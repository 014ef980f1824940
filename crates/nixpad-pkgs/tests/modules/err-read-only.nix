# A read-only option may be set once.
let lib = import <nixpkgs/lib>; in
(lib.evalModules {
  modules = [
    { options.version = lib.mkOption { type = lib.types.str; readOnly = true; }; }
    { _file = "a.nix"; version = "1"; }
    { _file = "b.nix"; version = "2"; }
  ];
}).config.version
