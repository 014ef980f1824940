# The web server's assertion: two virtual hosts on one port.
(import <nixpkgs/nixos> {
  configuration = {
    services.webserver = {
      enable = true;
      virtualHosts."a.org" = { root = "/srv/a"; port = 8080; };
      virtualHosts."b.org" = { root = "/srv/b"; port = 8080; };
    };
  };
}).system.drvPath
