# `if` on config around a whole module's definitions needs the whole config to know which
# options it defines: infinite recursion (mkIf is the lazy way).
let lib = import <nixpkgs/lib>; in
(lib.evalModules {
  modules = [
    { options.enable = lib.mkEnableOption "x";
      options.port = lib.mkOption { type = lib.types.int; default = 1; }; }
    ({ config, ... }: if config.enable then { port = 2; } else { })
  ];
}).config.port
