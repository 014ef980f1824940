let
  lib = import <nixpkgs/lib>;
in
build: host:
let
  b = lib.systems.elaborate build;
  h = lib.systems.elaborate host;
  cross = b.config != h.config;
in
{
  inherit cross;
  prefix = if cross then "${h.parsed.cpu.name}-unknown-linux-gnu-" else "";
  canRun = b.canExecute h;
}
