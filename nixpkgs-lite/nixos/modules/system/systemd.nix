# `systemd.services`: services as unit files (`system.build.units`), in /etc/systemd/system.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  unitValue = types.oneOf [ types.str types.int types.bool (types.listOf types.str) ];
  serviceModule = { name, config, ... }: {
    options = {
      enable = mkOption { type = types.bool; default = true; description = "Whether this service is installed."; };
      description = mkOption { type = types.str; default = ""; description = "The unit's description."; };
      wantedBy = mkOption { type = types.listOf types.str; default = [ ]; example = [ "multi-user.target" ]; description = "Targets that start this service."; };
      after = mkOption { type = types.listOf types.str; default = [ ]; description = "Units this one starts after."; };
      requires = mkOption { type = types.listOf types.str; default = [ ]; description = "Units this one needs."; };
      environment = mkOption { type = types.attrsOf types.str; default = { }; description = "Environment variables of the service."; };
      path = mkOption { type = types.listOf types.package; default = [ ]; description = "Packages whose bin/ is on the service's PATH."; };
      script = mkOption { type = types.lines; default = ""; description = "Shell commands the service runs (its ExecStart)."; };
      serviceConfig = mkOption { type = types.attrsOf unitValue; default = { }; example = { Restart = "always"; }; description = "Settings of the [Service] section."; };
      unitText = mkOption { type = types.str; internal = true; readOnly = true; description = "The unit file's text."; };
    };
    config = {
      environment.PATH = lib.mkIf (config.path != [ ]) (lib.makeBinPath config.path);
      serviceConfig.ExecStart = lib.mkIf (config.script != "")
        (lib.mkDefault "${pkgs.writeShellScript "${name}-start" config.script}");
      unitText = renderUnit name config;
    };
  };
  showValue = v: if builtins.isBool v then (if v then "true" else "false") else toString v;
  section = title: settings:
    let lines = lib.concatLists (lib.mapAttrsToList (key: value:
      map (v: "${key}=${showValue v}") (lib.toList value)) settings);
    in if lines == [ ] then "" else "[${title}]\n" + lib.concatMapStrings (l: l + "\n") lines + "\n";
  renderUnit = name: s:
    section "Unit" (lib.filterAttrs (_: v: v != [ ] && v != "") {
      Description = s.description;
      After = lib.concatStringsSep " " s.after;
      Requires = lib.concatStringsSep " " s.requires;
    })
    + section "Service" (s.serviceConfig // lib.optionalAttrs (s.environment != { }) {
      Environment = lib.mapAttrsToList (k: v: "\"${k}=${v}\"") s.environment;
    })
    + section "Install" (lib.optionalAttrs (s.wantedBy != [ ]) {
      WantedBy = lib.concatStringsSep " " s.wantedBy;
    });
  enabled = lib.filterAttrs (_: s: s.enable) config.systemd.services;
  unitFiles = lib.mapAttrs (name: s: pkgs.writeText "${name}.service" s.unitText) enabled;
in
{
  options.systemd.services = mkOption {
    type = types.attrsOf (types.submodule serviceModule);
    default = { };
    description = "The system's services (systemd units).";
  };

  config = {
    system.build.units = pkgs.runCommand "system-units" { } (''
      mkdir -p $out
    '' + lib.concatStrings (lib.mapAttrsToList (name: file: ''
      ln -s ${file} $out/${name}.service
    '') unitFiles) + lib.concatStrings (lib.concatLists (lib.mapAttrsToList (name: s:
      map (target: ''
        mkdir -p $out/${target}.wants
        ln -s ../${name}.service $out/${target}.wants/${name}.service
      '') s.wantedBy) enabled)));
    environment.etc."systemd/system".source = config.system.build.units;
  };
}
