{ lib, ... }:
{
  options.backup = {
    schedule = lib.mkOption { type = lib.types.enum [ "hourly" "daily" "weekly" ]; default = "daily"; };
    retention = lib.mkOption { type = lib.types.int; default = 7; };
    remote = lib.mkOption { type = lib.types.nullOr lib.types.str; default = null; };
    paths = lib.mkOption { type = lib.types.listOf (lib.types.strMatching "/.*"); default = [ ]; };
    extraConfig = lib.mkOption { type = lib.types.str; default = ""; };
  };
}
