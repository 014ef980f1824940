# JSON: builtins.toJSON and fromJSON (also try the "JSON" tab).
let
  config = builtins.fromJSON ''
    { "name": "service", "port": 8080, "tags": ["web", "nix"], "debug": false }
  '';
in
{
  inherit config;
  port = config.port + 1;
  asJson = builtins.toJSON { inherit (config) name; replicas = 3; };
}
