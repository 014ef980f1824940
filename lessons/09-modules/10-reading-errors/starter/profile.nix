# The team's web-server profile (read-only: other hosts use it as it is).
{
  networking.hostName = "server";
  services.webserver.virtualHosts."example.org" = {
    root = "/var/www";
    port = 80;
  };
}
