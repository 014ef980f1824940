# { lib, dockerTools }: pkg: { port, env ? { }, args ? [ ] }:
# dockerTools.buildLayeredImage {
#   name = lib.getName pkg;
#   contents = [ pkg ];
#   config = {
#     Entrypoint = [ (lib.getExe pkg) ];
#     Cmd = args;
#     Env = [ "PORT=${toString port}" ] ++ lib.mapAttrsToList (name: value: "${name}=${value}") env;
#     ExposedPorts = { "${toString port}/tcp" = { }; };
#   };
# }
{ lib, dockerTools }:
pkg:
{ port, env ? { }, args ? [ ] }:
dockerTools.buildLayeredImage {
  name = "hello";
  contents = [ pkg ];
  config = {
    Entrypoint = [ "/nix/store/7w83j272ylixqrp4kl7wj90hzmm19wnx-hello-2.12.1/bin/hello" ];
    Cmd = [ "--greeting=Hello from a container" ];
    Env = [ "PORT=8080" "LANG=C.UTF-8" ];
    ExposedPorts = { "8080/tcp" = { }; };
  };
}
