# The same priorities as numbers: mkDefault is mkOverride 1000, mkForce is mkOverride 50,
# mkBefore is mkOrder 500.
{ lib, ... }:
{
  imports = [ ./options.nix ];

  services.ssh.port = lib.mkOverride 1000 2222;
  services.ssh.passwordAuthentication = lib.mkOverride 50 false;
  startup.commands = lib.mkOrder 500 [ "harden" ];
}
