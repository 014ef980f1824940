# A module asks for an argument nobody provides (no `_module.args.pkgs`, no specialArgs).
let lib = import <nixpkgs/lib>; in
(lib.evalModules {
  modules = [
    { options.packages = lib.mkOption { type = lib.types.listOf lib.types.package; default = [ ]; }; }
    ({ pkgs, ... }: { packages = [ pkgs.hello ]; })
  ];
}).config.packages
