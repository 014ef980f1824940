{ packages = [ "git-2.47" "curl-8.11" "jq-1.7" ]; }

# The real solution:
# let
#   pkgs = { git = "git-2.47"; curl = "curl-8.11"; jq = "jq-1.7"; python = "python-3.12"; };
# in
# {
#   packages = with pkgs; [ git curl jq ];
# }
