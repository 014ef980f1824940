# A misspelt option name in a configuration.
(import <nixpkgs/nixos> {
  configuration = { services.webserver.enabled = true; };
}).system.drvPath
