# Host web1: the team's profile, with this host's name, the web server turned on, and
# example.org on port 8080 instead of the profile's port. It does not evaluate yet: read
# the errors (Run shows them) and fix each one here, without changing profile.nix.
{ lib, ... }:
{
  imports = [ ./profile.nix ];

  networking.hostname = "web1";
  services.webserver.enable = "yes";
  services.webserver.virtualHosts."example.org".port = 8080;
}
