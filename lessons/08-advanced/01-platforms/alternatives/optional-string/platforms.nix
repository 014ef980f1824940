# The same answer with lib's helpers taken out of lib by name.
let
  inherit (import <nixpkgs/lib>) optionalString systems;
in
build: host:
let
  b = systems.elaborate build;
  h = systems.elaborate host;
  cross = h.config != b.config;
in
{
  inherit cross;
  prefix = optionalString cross "${h.config}-";
  canRun = b.canExecute h;
}
