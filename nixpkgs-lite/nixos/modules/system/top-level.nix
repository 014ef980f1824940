# `system.build.toplevel`: the system's derivation (what `nixos-rebuild` builds), linking
# /etc and the system profile; it fails with the failed assertions and prints the warnings.
{ config, lib, pkgs, ... }:
let
  failed = map (a: a.message) (lib.filter (a: !a.assertion) config.assertions);
  checked = if failed != [ ]
    then throw "Failed assertions:\n${lib.concatMapStrings (m: "- ${m}\n") failed}"
    else lib.foldr (w: x: lib.warn w x) true config.warnings;
in
{
  options.system = {
    build = lib.mkOption {
      type = lib.types.lazyAttrsOf lib.types.raw;
      default = { };
      internal = true;
      description = "The derivations that make up the system (`toplevel` is the system).";
    };
    name = lib.mkOption {
      type = lib.types.str;
      default = config.networking.hostName;
      defaultText = lib.literalExpression "config.networking.hostName";
      description = "The name in the system's store path.";
    };
    nixos.release = lib.mkOption {
      type = lib.types.str;
      default = lib.trivial.release;
      readOnly = true;
      description = "The NixOS release.";
    };
  };

  config.system.build.toplevel = assert checked; pkgs.runCommand
    "nixos-system-${config.system.name}-${config.system.nixos.release}" { } ''
      mkdir -p $out
      ln -s ${config.system.build.etc}/etc $out/etc
      ln -s ${config.system.build.path} $out/sw
      echo -n ${lib.escapeShellArg config.system.nixos.release} > $out/nixos-version
    '';
}
