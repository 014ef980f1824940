{ lib, dockerTools }:
pkg:
{ port, env ? { }, args ? [ ] }:
dockerTools.buildLayeredImage {
  name = lib.getName pkg;
  tag = lib.getVersion pkg;
  contents = [ pkg ];
  config = {
    Entrypoint = [ (lib.getExe pkg) ];
    Cmd = args;
    Env = [ "PORT=${toString port}" ] ++ lib.mapAttrsToList (name: value: "${name}=${value}") env;
    ExposedPorts = { "${toString port}/tcp" = { }; };
  };
}
