# users.accounts.NAME = { uid; home ? "/home/NAME"; shell ? "bash"; } — any number of
# accounts, each defined from any number of modules — and /etc/passwd made from them:
# one line "NAME:UID:HOME:SHELL" per account, sorted by name, each line ending in "\n".
{ config, lib, ... }:
{
  options.users.accounts = lib.mkOption {
    type = lib.types.attrs;
    default = { };
  };

  config.environment.etc.passwd.text = "";
}
