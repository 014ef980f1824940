{ config, lib, ... }:
let
  cfg = config.services.cache;
in
{
  options.services.cache.enable = lib.mkEnableOption "the cache server";
  options.services.cache.port = lib.mkOption { type = lib.types.port; default = 6379; };
  options.services.cache.maxmemory = lib.mkOption { type = lib.types.str; default = "100mb"; };
  config = lib.mkIf cfg.enable {
    environment.etc."cache.conf".text = "maxmemory ${cfg.maxmemory}\nport ${toString cfg.port}";
  };
}
