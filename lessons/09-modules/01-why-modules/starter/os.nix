# The options a machine has (read-only): NixOS declares these in its own modules.
# (NixOS's systemPackages holds packages; strings keep this lesson small.)
{ lib, ... }:
{
  options.networking.hostName = lib.mkOption { type = lib.types.str; default = "nixos"; };
  options.environment.systemPackages = lib.mkOption { type = lib.types.listOf lib.types.str; default = [ ]; };
  options.environment.etc = lib.mkOption { type = lib.types.attrsOf lib.types.lines; default = { }; };
}
