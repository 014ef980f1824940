{ lib, dockerTools }:
pkg:
{ port, env ? { }, args ? [ ] }:
dockerTools.buildLayeredImage {
  name = lib.getName pkg;
  contents = [ pkg ];
  config = {
    Cmd = [ (lib.getExe pkg) ] ++ args;
    Env = [ "PORT=${toString port}" ] ++ lib.mapAttrsToList (name: value: "${name}=${value}") env;
    ExposedPorts = { "${toString port}/tcp" = { }; };
  };
}
