# The web server's settings (read-only here).
{
  listen = {
    port = 8080;
    addresses = [ "127.0.0.1" "::1" ];
  };
  tls = false;
  workers = 4;
  log = {
    level = "info";
    json = true;
  };
}
