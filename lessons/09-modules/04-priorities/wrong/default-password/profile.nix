{ lib, ... }:
{
  imports = [ ./options.nix ];

  services.ssh.port = lib.mkDefault 2222;
  services.ssh.passwordAuthentication = lib.mkDefault false;
  startup.commands = lib.mkBefore [ "harden" ];
}
