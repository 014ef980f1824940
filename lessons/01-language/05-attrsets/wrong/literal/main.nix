{ enabled = false; hasTls = false; port = 80; userName = "Ada Lovelace"; }

# The real solution:
# let
#   config = import ./config.nix;
# in
# {
#   port = config.server.port or 80;
#   hasTls = config.server ? tls;
#   userName = config.users."ada.l".name;
#   enabled = config.server.tls.enable or false;
# }
