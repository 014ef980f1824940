# A module with `_class` may only be imported into an evaluation of that class.
let lib = import <nixpkgs/lib>; in
(lib.evalModules {
  class = "nixos";
  modules = [ { _class = "darwin"; key = "mac-only"; } ];
}).config
