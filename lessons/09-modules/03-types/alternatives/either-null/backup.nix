# Another way to write "a string or null", and the range spelt with addCheck.
{ lib, ... }:
with lib.types;
{
  options.backup = {
    schedule = lib.mkOption { type = enum [ "hourly" "daily" "weekly" ]; default = "daily"; };
    retention = lib.mkOption { type = addCheck int (n: n >= 1 && n <= 365); default = 7; };
    remote = lib.mkOption { type = either (enum [ null ]) str; default = null; };
    paths = lib.mkOption { type = listOf (strMatching "/.*"); default = [ ]; };
    extraConfig = lib.mkOption { type = lines; default = ""; };
  };
}
