# Failed assertions stop the system with their messages.
(import <nixpkgs/nixos> {
  configuration = {
    services.webserver.enable = true;
    users.users.bob = { };
  };
}).system.drvPath
