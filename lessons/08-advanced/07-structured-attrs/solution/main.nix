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
    # Every attribute goes to the builder as JSON, nested sets and lists included.
    __structuredAttrs = true;
    inherit settings;
    # Checks Nix makes on the output `out`: small, and no store path inside.
    outputChecks.out = {
      maxSize = 65536;
      allowedReferences = [ ];
    };
  };
}
