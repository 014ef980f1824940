{ files, importWith, check, ... }:
let
  lib = import <nixpkgs/lib>;
  # The learner's module, as a path (so the module system names its file).
  greeter = importWith { "probe.nix" = "./greeter.nix"; } "probe.nix";
  # A hidden module declaring environment.etc, as nixos-lite does.
  etc = { lib, ... }: {
    options.environment.etc = lib.mkOption {
      type = lib.types.attrsOf (lib.types.submodule { options.text = lib.mkOption { type = lib.types.lines; }; });
      default = { };
    };
  };
  eval = settings: lib.evalModules { modules = [ etc greeter settings ]; };
  files = settings: builtins.mapAttrs (name: file: file.text) (eval settings).config.environment.etc;
  # The files, or a note when the configuration does not evaluate (a missing option, a
  # missing default): the module system reports those with `throw`.
  etcOf = settings:
    let r = builtins.tryEval (builtins.deepSeq (files settings) (files settings)); in
    if r.success then r.value else "the configuration does not evaluate";
  opts = (eval { }).options.services.greeter or { };
  typeOf = name: opts.${name}.type.name or null;
  defaultOf = name: opts.${name}.default or null;
  motd = { environment.etc.motd.text = "Welcome."; };
in
[
  { name = "services.greeter.enable is a Boolean, false by default"; hint = 1;
    expected = [ "bool" false ]; actual = [ (typeOf "enable") (defaultOf "enable") ]; }
  { name = "services.greeter.name is a string, \"world\" by default, with a description"; hint = 1;
    expected = [ "str" "world" true ]; actual = [ (typeOf "name") (defaultOf "name") (builtins.isString (opts.name.description or null)) ]; }
  { name = "enabled, it greets the name it is given"; hint = 2;
    expected = { greeting = "Hello, Ada!"; };
    actual = etcOf { services.greeter = { enable = true; name = "Ada"; }; }; }
  { name = "enabled, it greets the world by default"; hint = 2;
    expected = { greeting = "Hello, world!"; }; actual = etcOf { services.greeter.enable = true; }; }
  { name = "disabled, it defines no file"; hint = 3;
    expected = { }; actual = etcOf { services.greeter.name = "Ada"; }; }
  { name = "its file merges with other modules' files"; hint = 3;
    expected = { greeting = "Hello, Bob!"; motd = "Welcome."; };
    actual = etcOf { imports = [ motd ]; services.greeter = { enable = true; name = "Bob"; }; }; }
  { name = "a name that is not a string is refused, naming the option"; hint = 1;
    throws = "services.greeter.name' is not of type `string'";
    actual = files { services.greeter = { enable = true; name = 42; }; }; }
]
