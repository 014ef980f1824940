# The web profile (read-only): a web server builds on the base profile.
{
  imports = [ ./base.nix ];
  environment.systemPackages = [ "nginx" ];
}
