# A cache server's module. Its configuration file takes any `key value` line, so the
# module declares one option, `services.cache.settings`, that accepts any key (a string,
# an integer or a Boolean each) and types the one key it knows: `port`, 6379 by default.
# The file /etc/cache.conf has one `key value` line per setting, sorted by key, with
# Booleans written as yes/no.
{ config, lib, ... }:
let
  cfg = config.services.cache;
  inherit (lib) types;
  value = v: if builtins.isBool v then (if v then "yes" else "no") else toString v;
in
{
  options.services.cache = {
    enable = lib.mkEnableOption "the cache server";
    settings = lib.mkOption {
      description = "Lines of cache.conf: any key, with a string, integer or Boolean value.";
      default = { };
      type = types.submodule {
        freeformType = types.attrsOf (types.oneOf [ types.str types.int types.bool ]);
        options.port = lib.mkOption { type = types.port; default = 6379; description = "Where it listens."; };
      };
    };
  };

  config = lib.mkIf cfg.enable {
    environment.etc."cache.conf".text =
      lib.concatStringsSep "\n" (lib.mapAttrsToList (key: v: "${key} ${value v}") cfg.settings);
  };
}
