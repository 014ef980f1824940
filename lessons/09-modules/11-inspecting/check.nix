{ files, check, ... }:
let
  lib = import <nixpkgs/lib>;
  tools = files."inspect.nix";
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  explain = result: path: safe (check.call (tools.explain or null) [ result path ]);
  tryWith = result: module: check.call (tools.tryWith or null) [ result module ];
  # Hidden configurations, each module named by `_file`.
  web = { lib, ... }: {
    _file = "web.nix";
    options.services.web = {
      port = lib.mkOption { type = lib.types.port; default = 80; };
      hosts = lib.mkOption { type = lib.types.listOf lib.types.str; default = [ ]; };
      root = lib.mkOption { type = lib.types.str; };
    };
  };
  result = lib.evalModules { modules = [
    web
    { _file = "a.nix"; services.web.hosts = [ "a.org" ]; }
    { _file = "b.nix"; services.web.hosts = [ "b.org" ]; services.web.port = lib.mkDefault 8080; }
    { _file = "c.nix"; services.web.port = lib.mkForce 9090; }
    { _file = "d.nix"; services.web.port = 7070; }
  ]; };
  plain = lib.evalModules { modules = [ web ]; };
in
[
  { name = "a list two modules define: merged value, both files, plain priority"; hint = 1;
    expected = { value = [ "a.org" "b.org" ]; files = [ "a.nix" "b.nix" ]; priority = 100; };
    actual = explain result [ "services" "web" "hosts" ]; }
  { name = "a forced value: only the forcing module's file counts"; hint = 2;
    expected = { value = 9090; files = [ "c.nix" ]; priority = 50; };
    actual = explain result [ "services" "web" "port" ]; }
  { name = "a value only the default gives: the declaring file, the defaults' priority"; hint = 2;
    expected = { value = 80; files = [ "web.nix" ]; priority = 1500; };
    actual = explain plain [ "services" "web" "port" ]; }
  { name = "an option nothing defines: value null, no error"; hint = 2;
    expected = null; actual = (explain plain [ "services" "web" "root" ]).value or "no value"; }
  { name = "tryWith adds a module to a configuration whose modules it does not know"; hint = 3;
    expected = { root = "/srv"; hosts = [ "a.org" "b.org" "c.org" ]; port = 9090; };
    actual = safe (let c = tryWith result { services.web = { root = "/srv"; hosts = [ "c.org" ]; port = 1; }; }; in
      { inherit (c.services.web) root hosts port; }); }
  { name = "tryWith checks types like any module"; hint = 3;
    throws = "services.web.port' is not of type";
    actual = (tryWith plain { services.web.port = "http"; }).services.web.port; }
]
