# The options a system declares (read-only here): the profile defines values for them.
{ lib, ... }:
{
  options.services.ssh = {
    port = lib.mkOption { type = lib.types.port; default = 22; description = "The port sshd listens on."; };
    passwordAuthentication = lib.mkOption { type = lib.types.bool; default = true; description = "Whether passwords may log in."; };
  };
  options.startup.commands = lib.mkOption {
    type = lib.types.listOf lib.types.str;
    default = [ ];
    description = "Commands run at boot, in order.";
  };
}
