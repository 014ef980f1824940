let
  read = file: builtins.readFile file;
  inherit (builtins.fromTOML (read ./settings.toml)) server;
  users = builtins.fromJSON (read ./users.json);
  url = "http://" + server.host + ":" + builtins.toJSON server.port;
  admins = builtins.catAttrs "name" (builtins.filter (u: u.admin) users);
in
{
  inherit url admins;
  report = builtins.toJSON { admins = admins; url = url; };
}
