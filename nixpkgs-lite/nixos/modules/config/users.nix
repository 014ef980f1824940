# `users.users`: accounts, written to /etc/passwd and /etc/group.
{ config, lib, ... }:
let
  inherit (lib) mkOption types;
  users = lib.attrValues config.users.users;
  userModule = { name, config, ... }: {
    options = {
      name = mkOption { type = types.str; default = name; description = "The user's login name."; };
      uid = mkOption { type = types.nullOr types.int; default = null; description = "The user's id (null: none is fixed)."; };
      description = mkOption { type = types.str; default = ""; description = "A short description (the GECOS field)."; };
      isNormalUser = mkOption { type = types.bool; default = false; description = "Whether this is a person's account (a home, a shell, the `users` group)."; };
      isSystemUser = mkOption { type = types.bool; default = false; description = "Whether this is an account for a service."; };
      group = mkOption { type = types.str; default = if config.isNormalUser then "users" else "nogroup"; description = "The user's primary group."; };
      extraGroups = mkOption { type = types.listOf types.str; default = [ ]; description = "Other groups the user belongs to."; };
      home = mkOption { type = types.path; default = if config.isNormalUser then "/home/${config.name}" else "/var/empty"; description = "The user's home directory."; };
      shell = mkOption { type = types.str; default = if config.isNormalUser then "/run/current-system/sw/bin/bash" else "/run/current-system/sw/bin/nologin"; description = "The user's login shell."; };
    };
  };
  passwdLine = u: "${u.name}:x:${if u.uid == null then "" else toString u.uid}:${u.group}:${u.description}:${u.home}:${u.shell}";
  groups = lib.unique (lib.concatMap (u: [ u.group ] ++ u.extraGroups) users);
  groupLine = g: "${g}:x::" + lib.concatStringsSep "," (map (u: u.name) (lib.filter (u: lib.elem g u.extraGroups) users));
  fixedUids = lib.filter (uid: uid != null) (map (u: u.uid) users);
in
{
  options.users.users = mkOption {
    type = types.attrsOf (types.submodule userModule);
    default = { };
    example = { alice = { isNormalUser = true; extraGroups = [ "wheel" ]; }; };
    description = "The user accounts.";
  };

  config = {
    users.users.root = lib.mapAttrs (_: lib.mkDefault) {
      uid = 0; group = "root"; home = "/root"; shell = "/run/current-system/sw/bin/bash"; description = "System administrator";
    };
    environment.etc.passwd.text = lib.concatMapStrings (u: passwdLine u + "\n") users;
    environment.etc.group.text = lib.concatMapStrings (g: groupLine g + "\n") groups;
    assertions = map (u: {
      assertion = u.isNormalUser || u.isSystemUser || u.name == "root";
      message = "Exactly one of users.users.${u.name}.isSystemUser and users.users.${u.name}.isNormalUser must be set.";
    }) users ++ [{
      assertion = lib.allUnique fixedUids;
      message = "UIDs must be unique: ${lib.concatStringsSep ", " (map toString fixedUids)}.";
    }];
  };
}
