let
  config = import ./config.nix;
in
{
  port = 0;
  hasTls = null;
  userName = null;
  enabled = null;
}
