{ lib, dockerTools }:
pkg:
{ port, env ? { }, args ? [ ] }:
dockerTools.buildLayeredImage {
  name = lib.getName pkg;
  contents = [ pkg ];
  config = {
    Entrypoint = [ (lib.getExe pkg) ];
    Cmd = args;
    Env = { PORT = toString port; } // env;
    ExposedPorts = { "${toString port}/tcp" = { }; };
  };
}
