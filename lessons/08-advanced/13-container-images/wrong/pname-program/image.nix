{ lib, dockerTools }:
pkg:
{ port, env ? { }, args ? [ ] }:
dockerTools.buildLayeredImage {
  name = lib.getName pkg;
  contents = [ pkg ];
  config = {
    Entrypoint = [ "${pkg}/bin/${pkg.pname}" ];
    Cmd = args;
    Env = [ "PORT=${toString port}" ] ++ lib.mapAttrsToList (name: value: "${name}=${value}") env;
    ExposedPorts = { "${toString port}/tcp" = { }; };
  };
}
