# With an explicit `config`, other top-level attributes are a mistake.
let lib = import <nixpkgs/lib>; in
(lib.evalModules {
  modules = [
    { key = "machine"; config = { }; networking.hostName = "x"; }
  ];
}).config
