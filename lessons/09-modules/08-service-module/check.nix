{ files, importWith, check, ... }:
let
  backup = importWith { "probe.nix" = "./backup.nix"; } "probe.nix";
  pkgs = import <nixpkgs> { };
  system = settings: import <nixpkgs/nixos> { configuration = { imports = [ backup settings ]; }; };
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "the configuration does not evaluate";
  service = settings: (system settings).config.systemd.services.backup or null;
  good = { services.backup = { enable = true; paths = [ "/home" "/etc/nixos" ]; destination = "/mnt/usb"; }; };
  s = service good;
  # The derivations the service refers to: in its script, its ExecStart, its PATH.
  unitInputs = settings:
    let x = service settings; in
    if x == null then [ ] else
    builtins.attrNames (builtins.getContext (x.script + toString (x.serviceConfig.ExecStart or "")))
    ++ map (p: p.drvPath or "") x.path;
  scriptOf = settings: let x = service settings; in if x == null then "" else "${x.script}${toString (x.serviceConfig.ExecStart or "")}${toString (x.environment.PATH or "")}";
  mentions = text: s: builtins.match ".*${s}.*" text != null;
in
[
  { name = "disabled, there is no backup service"; hint = 1;
    expected = null; actual = safe (service { services.backup.paths = [ "/home" ]; }); }
  { name = "enabled, the service starts with multi-user.target"; hint = 1;
    expected = [ "multi-user.target" ]; actual = safe (s.wantedBy or null); }
  { name = "its script runs tar from the package set"; hint = 2;
    ok = safe (builtins.elem pkgs.gnutar.drvPath (unitInputs good)) == true;
    message = "Refer to tar through the package (`\${pkgs.gnutar}/bin/tar`, or `path = [ pkgs.gnutar ]`), so the service depends on it."; }
  { name = "…archiving the paths into the destination"; hint = 2;
    ok = let t = safe (scriptOf good); in builtins.isString t && mentions t "/mnt/usb/backup.tar.gz" && mentions t "/home" && mentions t "/etc/nixos"; }
  { name = "the system still builds with good settings"; hint = 3;
    ok = builtins.isString (safe (system good).config.system.build.toplevel.drvPath); }
  { name = "no paths: refused with a message"; hint = 3;
    throws = "Failed assertions:.*services.backup.paths must not be empty";
    actual = (system { services.backup.enable = true; }).config.system.build.toplevel.drvPath; }
  { name = "a relative destination: refused with a message"; hint = 3;
    throws = "Failed assertions:.*services.backup.destination must be an absolute path";
    actual = (system { services.backup = { enable = true; paths = [ "/home" ]; destination = "backups"; }; }).config.system.build.toplevel.drvPath; }
]
