# let
#   b = lib.systems.elaborate build;
#   h = lib.systems.elaborate host;
#   cross = b.config != h.config;
# in
# {
#   inherit cross;
#   prefix = if cross then "${h.config}-" else "";
#   canRun = b.canExecute h;
# }
build: host:
{
  cross = true;
  prefix = "aarch64-unknown-linux-gnu-";
  canRun = false;
}
