# The options a machine has (read-only).
{ lib, ... }:
{
  options.networking.hostName = lib.mkOption { type = lib.types.str; default = "nixos"; };
  options.environment.systemPackages = lib.mkOption { type = lib.types.listOf lib.types.str; default = [ ]; };
}
