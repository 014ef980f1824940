# freeformType: definitions without a declared option merge with the freeform type; declared
# options still check their types.
let
  lib = import <nixpkgs/lib>;
  inherit (lib) mkOption types;
  config = (lib.evalModules {
    modules = [
      { freeformType = types.attrsOf types.anything;
        options.port = mkOption { type = types.port; default = 80; }; }
      { log.level = "info"; log.files = [ "a" ]; port = 8080; }
      { log.colour = true; extra = 1; }
    ];
  }).config;
in
removeAttrs config [ "_module" ]
