# The options of a backup service. Give each option a type that accepts exactly what
# its comment says, and merges as it says when several modules define it.
{ lib, ... }:
let
  inherit (lib) types;
in
{
  options.backup = {
    # One of "hourly", "daily", "weekly"; "daily" by default.
    schedule = lib.mkOption { type = types.enum [ "hourly" "daily" "weekly" ]; default = "daily"; };
    # Days to keep, from 1 to 365; 7 by default.
    retention = lib.mkOption { type = types.ints.between 1 365; default = 7; };
    # Where to copy the backup, or null (the default) for nowhere.
    remote = lib.mkOption { type = types.nullOr types.str; default = null; };
    # Absolute paths to back up (each starts with /); every module's paths add up.
    paths = lib.mkOption { type = types.listOf (types.strMatching "/.*"); default = [ ]; };
    # Extra lines for the configuration file; every module's lines add up, one per line.
    extraConfig = lib.mkOption { type = types.lines; default = ""; };
  };
}
