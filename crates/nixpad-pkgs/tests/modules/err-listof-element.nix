# A list element of the wrong type: the error names the entry.
let lib = import <nixpkgs/lib>; in
(lib.evalModules {
  modules = [
    { options.ports = lib.mkOption { type = lib.types.listOf lib.types.port; }; }
    { _file = "fw.nix"; ports = [ 22 "80" ]; }
  ];
}).config.ports
