# The profile's values copied in, so nothing conflicts.
{ lib, ... }:
{
  networking.hostName = "web1";
  services.webserver.enable = true;
  services.webserver.virtualHosts."example.org" = {
    root = "/var/www";
    port = 8080;
  };
}
