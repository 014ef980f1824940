# line = name: a: "${name}:${toString a.uid}:${a.home}:${a.shell}\n";
{ config, lib, ... }:
{
  options.users.accounts = lib.mkOption {
    type = lib.types.attrsOf (lib.types.submodule ({ name, ... }: {
      options.uid = lib.mkOption { type = lib.types.int; };
      options.home = lib.mkOption { type = lib.types.str; default = "/home/${name}"; };
      options.shell = lib.mkOption { type = lib.types.enum [ "bash" "zsh" ]; default = "bash"; };
    }));
    default = { };
  };

  config.environment.etc.passwd.text = "alice:1000:/home/alice:zsh\nbob:1001:/home/bob:bash\n";
}
