# The same, with the generator as a named function of the settings, and `either`.
{ config, lib, ... }:
let
  cfg = config.services.cache;
  toConf = settings: lib.concatMapStringsSep "\n"
    (key: let v = settings.${key}; in "${key} ${if v == true then "yes" else if v == false then "no" else toString v}")
    (builtins.attrNames settings);
in
{
  options.services.cache.enable = lib.mkEnableOption "the cache server";
  options.services.cache.settings = lib.mkOption {
    default = { };
    type = lib.types.submodule {
      freeformType = with lib.types; attrsOf (either (either str int) bool);
      options.port = lib.mkOption { type = lib.types.port; default = 6379; };
    };
  };
  config = lib.mkIf cfg.enable { environment.etc."cache.conf".text = toConf cfg.settings; };
}
