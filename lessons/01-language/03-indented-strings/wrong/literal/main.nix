{ config = "[server]\nport = 8080\nuser = \"ada\"\n"; }

# The real solution:
# let
#   port = 8080;
#   user = "ada";
# in
# {
#   config = ''
#     [server]
#     port = ${toString port}
#     user = "${user}"
#   '';
# }
