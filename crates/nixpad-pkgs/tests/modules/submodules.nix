# Submodules: attrsOf (submodule ...) with `name`, defaults that use the submodule's config,
# options declared twice with submodule types (their options merge), and `getSubOptions`.
let
  lib = import <nixpkgs/lib>;
  inherit (lib) mkOption types;
  userModule = { name, config, ... }: {
    options = {
      name = mkOption { type = types.str; default = name; };
      home = mkOption { type = types.path; default = "/home/${config.name}"; };
      groups = mkOption { type = types.listOf types.str; default = [ ]; };
    };
  };
  result = lib.evalModules {
    modules = [
      { options.users = mkOption { type = types.attrsOf (types.submodule userModule); default = { }; }; }
      { options.users = mkOption {
          type = types.attrsOf (types.submodule { options.shell = mkOption { type = types.str; default = "bash"; }; });
        };
      }
      { options.server = mkOption { type = types.submodule { options.port = mkOption { type = types.port; }; }; }; }
      { users.alice.groups = [ "wheel" ]; users.bob = { name = "robert"; shell = "zsh"; }; }
      { users.alice.groups = [ "audio" ]; server.port = 22; }
    ];
  };
  strip = u: removeAttrs u [ "_module" ];
in
{
  users = builtins.mapAttrs (_: strip) result.config.users;
  port = result.config.server.port;
  subOptions = builtins.attrNames (result.options.users.type.getSubOptions [ "users" "<name>" ]);
  declarations = builtins.length result.options.users.declarations;
}
