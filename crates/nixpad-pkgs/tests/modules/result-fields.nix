# The result of evalModules: `_type = "configuration"`, a config without `_module` (it is
# the result's own attribute), and submodule values without it either.
let
  lib = import <nixpkgs/lib>;
  result = lib.evalModules {
    modules = [
      { options.s = lib.mkOption { type = lib.types.submodule { options.p = lib.mkOption { default = 1; }; }; default = { }; }; }
      ({ config, ... }: { options.seesArgs = lib.mkOption { default = config._module ? args; }; })
    ];
  };
in
{
  type = result._type;
  config = builtins.attrNames result.config;
  submodule = builtins.attrNames result.config.s;
  inherit (result.config) seesArgs;
  moduleArgs = result._module ? args;
}
