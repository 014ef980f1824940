# The options of a backup service. Give each option a type that accepts exactly what
# its comment says, and merges as it says when several modules define it.
{ lib, ... }:
{
  options.backup = {
    # One of "hourly", "daily", "weekly"; "daily" by default.
    schedule = lib.mkOption { default = "daily"; };
    # Days to keep, from 1 to 365; 7 by default.
    retention = lib.mkOption { default = 7; };
    # Where to copy the backup, or null (the default) for nowhere.
    remote = lib.mkOption { default = null; };
    # Absolute paths to back up (each starts with /); every module's paths add up.
    paths = lib.mkOption { default = [ ]; };
    # Extra lines for the configuration file; every module's lines add up, one per line.
    extraConfig = lib.mkOption { default = ""; };
  };
}
