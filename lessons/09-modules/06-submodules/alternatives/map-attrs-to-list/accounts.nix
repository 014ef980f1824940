# The submodule written inline, the lines built with builtins only.
{ config, lib, ... }:
{
  options.users.accounts = lib.mkOption {
    type = lib.types.attrsOf (lib.types.submodule ({ name, ... }: {
      options.uid = lib.mkOption { type = lib.types.int; };
      options.home = lib.mkOption { type = lib.types.str; default = "/home/" + name; };
      options.shell = lib.mkOption { type = lib.types.enum [ "bash" "zsh" ]; default = "bash"; };
    }));
    default = { };
  };

  config.environment.etc.passwd.text = builtins.concatStringsSep "" (map
    (name: let a = config.users.accounts.${name}; in "${name}:${toString a.uid}:${a.home}:${a.shell}\n")
    (builtins.attrNames config.users.accounts));
}
