# A streamed image: the same layers and configuration, written by a script to
# `docker load` instead of stored as a tarball.
{ lib, dockerTools }:
pkg:
{ port, env ? { }, args ? [ ] }:
dockerTools.streamLayeredImage {
  name = lib.getName pkg;
  contents = [ pkg ];
  config = {
    Entrypoint = [ (lib.getExe pkg) ];
    Cmd = args;
    Env = map (name: "${name}=${env.${name}}") (builtins.attrNames env) ++ [ "PORT=${toString port}" ];
    ExposedPorts = { "${toString port}/tcp" = { }; };
  };
}
