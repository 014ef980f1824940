let
  settings = builtins.fromTOML (builtins.readFile ./settings.toml);
  users = builtins.fromJSON (builtins.readFile ./users.json);
in
rec {
  url = "http://${settings.server.host}:${settings.server.port}";
  admins = map (u: u.name) (builtins.filter (u: u.admin) users);
  report = builtins.toJSON { inherit url admins; };
}
