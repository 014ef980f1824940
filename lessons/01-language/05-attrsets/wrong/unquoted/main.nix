let
  config = import ./config.nix;
in
{
  port = config.server.port or 80;
  hasTls = config.server ? tls;
  userName = config.users.ada.l.name;
  enabled = config.server.tls.enable or false;
}
