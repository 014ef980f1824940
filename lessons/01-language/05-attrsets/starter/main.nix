let
  config = {
    server = { host = "example.org"; };
    users = { "ada.l" = { name = "Ada Lovelace"; }; };
  };
in
{
  port = 0;
  hasTls = null;
  userName = null;
  enabled = null;
}
