{
  url = "http://example.org:8080";
  admins = [ "ada" "linus" ];
  report = "{\"admins\":[\"ada\",\"linus\"],\"url\":\"http://example.org:8080\"}";
}
# let
#   settings = builtins.fromTOML (builtins.readFile ./settings.toml);
#   users = builtins.fromJSON (builtins.readFile ./users.json);
# in
# rec {
#   url = "http://${settings.server.host}:${toString settings.server.port}";
#   admins = map (u: u.name) (builtins.filter (u: u.admin) users);
#   report = builtins.toJSON { inherit url admins; };
# }
