# A container image for a package: `imageFor pkg settings`, where settings are
#   port: the TCP port the program listens on (an integer);
#   env:  more environment variables, a set of strings (optional, default { });
#   args: the program's default arguments, a list of strings (optional, default [ ]).
# The image is named after the package and runs its main program; the program finds its
# port in the variable PORT.
{ lib, dockerTools }:
pkg:
{ port, env ? { }, args ? [ ] }:
dockerTools.buildLayeredImage {
  name = lib.getName pkg;
  # The package's closure goes into the image's store, and its programs are linked at
  # the image's root (/bin/...).
  contents = [ pkg ];
  config = {
    # The program itself: `docker run IMAGE --flag` keeps it, and replaces Cmd.
    Entrypoint = [ (lib.getExe pkg) ];
    Cmd = args;
    Env = [ "PORT=${toString port}" ] ++ lib.mapAttrsToList (name: value: "${name}=${value}") env;
    ExposedPorts = { "${toString port}/tcp" = { }; };
  };
}
