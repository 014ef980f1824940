{
  imports = [ ./base.nix ./web.nix ];
  networking.hostName = "alpha";
}
