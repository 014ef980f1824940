# The entrypoint through the link that `contents` makes at the image's root, and the
# variables as one set turned into strings.
{ lib, dockerTools }:
pkg:
{ port, env ? { }, args ? [ ] }:
let
  variables = { PORT = toString port; } // env;
in
dockerTools.buildLayeredImage {
  name = lib.getName pkg;
  contents = [ pkg ];
  config = {
    Entrypoint = [ "/bin/${pkg.meta.mainProgram}" ];
    Cmd = args;
    Env = lib.mapAttrsToList (name: value: "${name}=${value}") variables;
    ExposedPorts."${toString port}/tcp" = { };
  };
}
