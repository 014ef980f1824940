# Module arguments: config, options, lib, specialArgs (usable in imports), _module.args
# (like `pkgs`). (`count` is its own option: a definition of `out` reading `config.out`
# would recurse forever, as attrsOf must evaluate every value to know which are defined.)
let
  lib = import <nixpkgs/lib>;
  inherit (lib) mkOption types;
in
(lib.evalModules {
  specialArgs = { greeting = "hello"; };
  modules = [
    ({ greeting, ... }: {
      imports = [ (if greeting == "hello" then { out.fromImport = true; } else { }) ];
      options.out = mkOption { type = types.attrsOf types.anything; };
      options.count = mkOption { type = types.int; };
    })
    { _module.args.pkgs = { hello = "hello-2.12"; }; }
    ({ pkgs, greeting, config, options, lib, ... }: {
      out.pkg = pkgs.hello;
      out.greeting = greeting;
      out.hasLib = lib ? evalModules;
      out.optionDeclared = options ? out;
      count = builtins.length (builtins.attrNames config.out.sub);
    })
    { out.sub = { x = 1; y = 2; }; }
  ];
}).config
// { _module = null; }
