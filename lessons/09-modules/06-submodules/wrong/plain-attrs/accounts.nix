{ config, lib, ... }:
let
  line = name: a: "${name}:${toString a.uid}:${a.home or "/home/${name}"}:${a.shell or "bash"}\n";
in
{
  options.users.accounts = lib.mkOption {
    type = lib.types.attrs;
    default = { };
  };

  config.environment.etc.passwd.text =
    lib.concatStrings (lib.mapAttrsToList line config.users.accounts);
}
