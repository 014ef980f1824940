# A disabled module is left out with the modules only it imports; a module it shares with
# another stays. Modules without a file are named by `key`.
let
  lib = import <nixpkgs/lib>;
  declarations = { options.xs = lib.mkOption { type = lib.types.listOf lib.types.str; default = [ ]; }; };
  helper = { key = "helper"; xs = [ "helper" ]; };
  shared = { key = "shared"; xs = [ "shared" ]; };
  plugin = { key = "plugin"; imports = [ helper shared ]; xs = [ "plugin" ]; };
  other = { key = "other"; imports = [ shared ]; xs = [ "other" ]; };
  xsOf = modules: builtins.sort builtins.lessThan (lib.evalModules { inherit modules; }).config.xs;
in
{
  all = xsOf [ declarations plugin other ];
  withoutPlugin = xsOf [ declarations plugin other { disabledModules = [ { key = "plugin"; } ]; } ];
  withoutShared = xsOf [ declarations plugin other { disabledModules = [ { key = "shared"; } ]; } ];
}
