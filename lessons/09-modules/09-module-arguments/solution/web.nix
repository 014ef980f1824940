# The web module every host imports. It declares `url` and `port`, imports the settings
# of its own host (./alpha.nix for alpha, ./beta.nix for beta), and sets
# url = "https://HOSTNAME.DOMAIN".
{ lib, hostName, domain, ... }:
{
  imports = [ (./. + "/${hostName}.nix") ];

  options.url = lib.mkOption { type = lib.types.str; };
  options.port = lib.mkOption { type = lib.types.port; };

  config.url = "https://${hostName}.${domain}";
}
