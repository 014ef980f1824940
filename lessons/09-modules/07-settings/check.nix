{ importWith, check, ... }:
let
  lib = import <nixpkgs/lib>;
  cache = importWith { "probe.nix" = "./cache.nix"; } "probe.nix";
  etc = { lib, ... }: {
    options.environment.etc = lib.mkOption {
      type = lib.types.attrsOf (lib.types.submodule { options.text = lib.mkOption { type = lib.types.lines; }; });
      default = { };
    };
  };
  configOf = modules: (lib.evalModules { modules = [ etc cache { services.cache.enable = true; } ] ++ modules; }).config;
  fileOf = modules: (configOf modules).environment.etc."cache.conf".text;
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "the configuration does not evaluate";
  lines = modules: safe (lib.splitString "\n" (fileOf modules));
in
[
  { name = "by default, the file says the port"; hint = 1;
    expected = [ "port 6379" ]; actual = lines [ ]; }
  { name = "a setting the module never declared goes into the file"; hint = 1;
    expected = [ "maxmemory 100mb" "port 6379" ]; actual = lines [ { services.cache.settings.maxmemory = "100mb"; } ]; }
  { name = "Booleans are yes or no, and integers are numbers"; hint = 3;
    expected = [ "appendonly yes" "databases 16" "port 6379" "protected no" ];
    actual = lines [ { services.cache.settings = { appendonly = true; protected = false; databases = 16; }; } ]; }
  { name = "settings from two modules merge, and the port can change"; hint = 2;
    expected = [ "maxmemory 1gb" "port 7000" "timeout 30" ];
    actual = lines [ { services.cache.settings = { maxmemory = "1gb"; port = 7000; }; } { services.cache.settings.timeout = 30; } ]; }
  { name = "the port is checked as a port"; hint = 2;
    throws = "services.cache.settings.port' is not of type";
    actual = fileOf [ { services.cache.settings.port = "six"; } ]; }
  { name = "a value that is not a string, integer or Boolean is refused"; hint = 2;
    throws = "is not of type";
    actual = fileOf [ { services.cache.settings.save = [ 900 1 ]; } ]; }
  { name = "the port is a declared option of the settings, typed as a port"; hint = 2;
    expected = "16 bit unsigned integer; between 0 and 65535 (both inclusive)";
    actual = let settingsType = (lib.evalModules { modules = [ etc cache ]; }).options.services.cache.settings.type or { }; in
      safe (((settingsType.getSubOptions or (prefix: { })) [ ]).port.type.description or null); }
]
