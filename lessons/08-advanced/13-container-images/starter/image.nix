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
  name = "image";
}
