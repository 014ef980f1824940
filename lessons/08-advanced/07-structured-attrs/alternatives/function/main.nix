let
  pkgs = import <nixpkgs> { };

  # The configuration file for any settings: a function, so the same recipe serves
  # every server.
  mkServerConfig = settings: derivation {
    name = "server-config";
    system = "x86_64-linux";
    builder = "${pkgs.bash}/bin/bash";
    args = [ ./write-config.sh ];
    jq = pkgs.jq;
    __structuredAttrs = true;
    settings = settings;
    outputChecks.out.maxSize = 64 * 1024;
    outputChecks.out.allowedReferences = [ ];
  };
in
{
  serverConfig = mkServerConfig (import ./settings.nix);
}
