let
  pkgs = { git = "git-2.47"; curl = "curl-8.11"; jq = "jq-1.7"; python = "python-3.12"; };
in
{
  packages = [ pkgs.git pkgs.curl pkgs.jq ];
}
