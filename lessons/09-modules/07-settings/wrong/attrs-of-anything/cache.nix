{ config, lib, ... }:
let
  cfg = config.services.cache;
  value = v: if builtins.isBool v then (if v then "yes" else "no") else toString v;
in
{
  options.services.cache.enable = lib.mkEnableOption "the cache server";
  options.services.cache.settings = lib.mkOption {
    type = lib.types.attrsOf lib.types.anything;
    default = { port = 6379; };
  };
  config = lib.mkIf cfg.enable {
    environment.etc."cache.conf".text =
      lib.concatStringsSep "\n" (lib.mapAttrsToList (key: v: "${key} ${value v}") cfg.settings);
  };
}
