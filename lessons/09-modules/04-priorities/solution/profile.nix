# A "hardened" profile that other people import into their configurations:
# - sshd on port 2222, unless the configuration picks another port;
# - never password logins, whatever the configuration says;
# - the command "harden" runs first at boot, before every other module's commands.
{ lib, ... }:
{
  imports = [ ./options.nix ];

  services.ssh.port = lib.mkDefault 2222;
  services.ssh.passwordAuthentication = lib.mkForce false;
  startup.commands = lib.mkBefore [ "harden" ];
}
