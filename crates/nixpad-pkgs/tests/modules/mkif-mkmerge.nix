# mkIf is lazy: a module may use `config` in a condition guarding definitions of other
# options; mkMerge gathers several definitions; mkIf false definitions disappear.
let
  lib = import <nixpkgs/lib>;
  inherit (lib) mkOption types mkIf mkMerge;
  config = (lib.evalModules {
    modules = [
      { options = {
          enable = lib.mkEnableOption "the service";
          port = mkOption { type = types.port; default = 80; };
          packages = mkOption { type = types.listOf types.str; default = [ ]; };
          extra = mkOption { type = types.attrsOf types.int; default = { }; };
        };
      }
      ({ config, ... }: {
        config = mkIf config.enable (mkMerge [
          { packages = [ "server" ]; }
          (mkIf (config.port != 80) { packages = [ "proxy" ]; })
          { extra.a = 1; extra.b = mkIf false 2; }
        ]);
      })
      { enable = true; port = 8080; extra = mkIf false { c = 3; }; }
    ];
  }).config;
in
{ inherit (config) enable port packages extra; }
