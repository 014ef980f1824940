# users.accounts.NAME = { uid; home ? "/home/NAME"; shell ? "bash"; } — any number of
# accounts, each defined from any number of modules — and /etc/passwd made from them:
# one line "NAME:UID:HOME:SHELL" per account, sorted by name, each line ending in "\n".
{ config, lib, ... }:
let
  account = { name, ... }: {
    options = {
      uid = lib.mkOption { type = lib.types.int; description = "The user's number."; };
      home = lib.mkOption { type = lib.types.str; default = "/home/user"; description = "The home folder."; };
      shell = lib.mkOption { type = lib.types.enum [ "bash" "zsh" ]; default = "bash"; description = "The login shell."; };
    };
  };
  line = name: a: "${name}:${toString a.uid}:${a.home}:${a.shell}\n";
in
{
  options.users.accounts = lib.mkOption {
    type = lib.types.attrsOf (lib.types.submodule account);
    default = { };
    description = "User accounts, by name.";
  };

  config.environment.etc.passwd.text =
    lib.concatStrings (lib.mapAttrsToList line config.users.accounts);
}
