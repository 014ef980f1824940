let
  settings = { };   # read settings.toml
  users = [ ];      # read users.json
in
{
  url = "";
  admins = [ ];
  report = "";
}
