{ lib, ... }:
{
  imports = [ ./base.nix ./web.nix ];
  environment.systemPackages = lib.mkForce [ "git" "vim" "nginx" ];
  networking.hostName = "alpha";
}
