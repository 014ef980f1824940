let
  base = import ./base.nix;
  web = import ./web.nix;
in
{
  networking.hostName = "alpha";
  environment.systemPackages = base.environment.systemPackages ++ web.environment.systemPackages;
  environment.etc = base.environment.etc // web.environment.etc;
}
