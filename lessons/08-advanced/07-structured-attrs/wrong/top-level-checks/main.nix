let
  pkgs = import <nixpkgs> { };
  settings = import ./settings.nix;
in
{
  # The server's configuration file, built from `settings` by write-config.sh.
  serverConfig = derivation {
    name = "server-config";
    system = "x86_64-linux";
    builder = "${pkgs.bash}/bin/bash";
    args = [ ./write-config.sh ];
    jq = pkgs.jq;
    __structuredAttrs = true;
    inherit settings;
    maxSize = 65536;
    allowedReferences = [ ];
  };
}
