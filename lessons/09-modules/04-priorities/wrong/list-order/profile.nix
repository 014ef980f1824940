{ lib, ... }:
{
  imports = [ ./options.nix ];

  services.ssh.port = lib.mkDefault 2222;
  services.ssh.passwordAuthentication = lib.mkForce false;
  startup.commands = [ "harden" ];
}
