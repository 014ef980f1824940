{ lib, dockerTools }:
pkg:
{ port, env ? { }, args ? [ ] }:
dockerTools.buildImage {
  name = lib.getName pkg;
  copyToRoot = pkg;
  config = {
    Entrypoint = [ (lib.getExe pkg) ];
    Cmd = args;
    Env = [ "PORT=${toString port}" ] ++ lib.mapAttrsToList (name: value: "${name}=${value}") env;
    ExposedPorts = { "${toString port}/tcp" = { }; };
  };
}
