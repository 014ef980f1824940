let
  lib = import <nixpkgs/lib>;
in
build: host:
let
  b = lib.systems.elaborate build;
  h = lib.systems.elaborate host;
  cross = !(b.canExecute h);
in
{
  inherit cross;
  prefix = if cross then "${h.config}-" else "";
  canRun = b.canExecute h;
}
