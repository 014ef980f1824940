# A port out of range, in a submodule of an attribute set (the option path names the host).
let lib = import <nixpkgs/lib>; in
(lib.evalModules {
  modules = [
    { options.hosts = lib.mkOption {
        type = lib.types.attrsOf (lib.types.submodule { options.port = lib.mkOption { type = lib.types.port; }; });
      };
    }
    { _file = "hosts.nix"; hosts."a.org".port = 70000; }
  ];
}).config.hosts."a.org".port
