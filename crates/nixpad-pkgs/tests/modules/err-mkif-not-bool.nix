# mkIf's condition must be a Boolean.
let lib = import <nixpkgs/lib>; in
(lib.evalModules {
  modules = [
    { options.x = lib.mkOption { type = lib.types.int; default = 0; }; }
    { x = lib.mkIf "yes" 1; }
  ];
}).config.x
