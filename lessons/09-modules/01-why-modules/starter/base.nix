# The base profile (read-only): what every machine gets.
{
  environment.systemPackages = [ "git" "vim" ];
  environment.etc.motd = "Managed by Nix.";
}
