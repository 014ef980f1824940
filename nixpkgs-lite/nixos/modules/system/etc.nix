# `environment.etc`: the files of /etc, built as one derivation (`system.build.etc`).
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  entries = lib.filter (e: e.enable) (lib.attrValues config.environment.etc);
  etcModule = { name, config, ... }: {
    options = {
      enable = mkOption { type = types.bool; default = true; description = "Whether this file is in /etc."; };
      target = mkOption { type = types.str; default = name; description = "The file's path under /etc."; };
      text = mkOption { type = types.nullOr types.lines; default = null; description = "The file's text."; };
      source = mkOption { type = types.path; description = "The file (a path or a derivation)."; };
      mode = mkOption { type = types.str; default = "symlink"; description = "`symlink`, or the file's permissions (as `0440`) for a copy."; };
    };
    config.source = lib.mkIf (config.text != null)
      (lib.mkDefault (pkgs.writeText "etc-${baseNameOf name}" config.text));
  };
  install = e:
    let target = "\"$out/etc/${e.target}\""; in
    ''
      mkdir -p "$(dirname ${target})"
    '' + (if e.mode == "symlink" then ''
      ln -s ${e.source} ${target}
    '' else ''
      cp ${e.source} ${target}
      chmod ${e.mode} ${target}
    '');
in
{
  options.environment.etc = mkOption {
    type = types.attrsOf (types.submodule etcModule);
    default = { };
    example = { "nginx/nginx.conf".text = "worker_processes 1;"; };
    description = "Files in /etc.";
  };

  config.system.build.etc = pkgs.runCommand "etc" { } (''
    mkdir -p $out/etc
  '' + lib.concatMapStrings install entries);
}
