# services.backup: when enabled, a systemd service "backup" (started by
# multi-user.target) whose script archives `paths` into DESTINATION/backup.tar.gz with tar
# from the package set. Refuse, with assertions, a configuration whose `paths` is empty or
# whose `destination` is not an absolute path.
{ config, lib, pkgs, ... }:
let
  cfg = config.services.backup;
in
{
  options.services.backup = {
    enable = lib.mkEnableOption "nightly backups";
    paths = lib.mkOption {
      type = lib.types.listOf lib.types.str;
      default = [ ];
      description = "Files and folders to back up.";
    };
    destination = lib.mkOption {
      type = lib.types.str;
      default = "/var/backup";
      description = "The folder the archive goes to.";
    };
  };

  config = lib.mkIf cfg.enable {
    assertions = [
      {
        assertion = cfg.paths != [ ];
        message = "services.backup.paths must not be empty";
      }
      {
        assertion = lib.hasPrefix "/" cfg.destination;
        message = "services.backup.destination must be an absolute path";
      }
    ];

    systemd.services.backup = {
      description = "Back up ${toString (builtins.length cfg.paths)} paths";
      wantedBy = [ "multi-user.target" ];
      script = ''
        ${pkgs.gnutar}/bin/tar czf ${cfg.destination}/backup.tar.gz ${lib.escapeShellArgs cfg.paths}
      '';
    };
  };
}
