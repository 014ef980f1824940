# Reading an option that has no default and no definition.
let lib = import <nixpkgs/lib>; in
(lib.evalModules {
  modules = [ { options.services.web.root = lib.mkOption { type = lib.types.str; }; } ];
}).config.services.web.root
