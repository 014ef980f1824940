let
  config = import ./config.nix;
in
{
  port = config.server.port or 80;
  hasTls = builtins.hasAttr "tls" config.server;
  userName = config.users."ada.l".name;
  enabled = config.server.tls.enable or false;
}
