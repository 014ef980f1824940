# `environment.systemPackages`: the packages of /run/current-system/sw.
{ config, lib, pkgs, ... }:
{
  options.environment = {
    systemPackages = lib.mkOption {
      type = lib.types.listOf lib.types.package;
      default = [ ];
      example = lib.literalExpression "[ pkgs.git pkgs.htop ]";
      description = "Packages installed in the system profile (on everyone's PATH).";
    };
    defaultPackages = lib.mkOption {
      type = lib.types.listOf lib.types.package;
      default = [ pkgs.coreutils pkgs.bash ];
      defaultText = lib.literalExpression "[ pkgs.coreutils pkgs.bash ]";
      description = "Packages every system has (set to `[ ]` to leave them out).";
    };
  };

  config.system.build.path = pkgs.symlinkJoin {
    name = "system-path";
    paths = config.environment.systemPackages ++ config.environment.defaultPackages;
  };
}
