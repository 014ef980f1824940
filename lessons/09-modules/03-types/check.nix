{ files, importWith, check, ... }:
let
  lib = import <nixpkgs/lib>;
  backup = importWith { "probe.nix" = "./backup.nix"; } "probe.nix";
  eval = modules: (lib.evalModules { modules = [ backup ] ++ modules; }).config.backup;
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "the configuration does not evaluate";
  settings = modules: let c = eval modules; in safe { inherit (c) schedule retention remote paths extraConfig; };
in
[
  { name = "the defaults"; hint = 1;
    expected = { schedule = "daily"; retention = 7; remote = null; paths = [ ]; extraConfig = ""; };
    actual = settings [ ]; }
  { name = "good settings are accepted"; hint = 1;
    expected = { schedule = "weekly"; retention = 365; remote = "s3://backups"; paths = [ "/home" ]; extraConfig = "compress = yes"; };
    actual = settings [ { backup = { schedule = "weekly"; retention = 365; remote = "s3://backups"; paths = [ "/home" ]; extraConfig = "compress = yes"; }; } ]; }
  { name = "a schedule that is not hourly, daily or weekly is refused"; hint = 2;
    throws = "backup.schedule' is not of type";
    actual = (eval [ { backup.schedule = "monthly"; } ]).schedule; }
  { name = "0 days of retention is refused"; hint = 2;
    throws = "backup.retention' is not of type";
    actual = (eval [ { backup.retention = 0; } ]).retention; }
  { name = "366 days of retention is refused"; hint = 2;
    throws = "backup.retention' is not of type";
    actual = (eval [ { backup.retention = 366; } ]).retention; }
  { name = "a remote that is not a string is refused"; hint = 2;
    throws = "backup.remote' is not of type";
    actual = (eval [ { backup.remote = 42; } ]).remote; }
  { name = "a relative path is refused"; hint = 3;
    throws = "backup.paths' is not of type|backup.paths.*' is not of type";
    actual = (eval [ { backup.paths = [ "home" ]; } ]).paths; }
  { name = "paths from two modules add up"; hint = 3;
    expected = [ "/etc" "/home" "/srv" ];
    actual = safe (builtins.sort builtins.lessThan (eval [ { backup.paths = [ "/home" ]; } { backup.paths = [ "/srv" "/etc" ]; } ]).paths); }
  { name = "extra lines from two modules are joined, one per line"; hint = 3;
    expected = [ "a = 1" "b = 2" ];
    actual = safe (builtins.sort builtins.lessThan (lib.splitString "\n" (eval [ { backup.extraConfig = "a = 1"; } { backup.extraConfig = "b = 2"; } ]).extraConfig)); }
  { name = "two different schedules conflict"; hint = 2;
    throws = "backup.schedule' has conflicting definition values";
    actual = (eval [ { backup.schedule = "hourly"; } { backup.schedule = "weekly"; } ]).schedule; }
]
