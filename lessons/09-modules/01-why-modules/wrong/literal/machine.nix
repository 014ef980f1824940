# The configuration the solution gives, written out:
# let lib = import <nixpkgs/lib>; in
# (lib.evalModules { modules = [ ./os.nix ./base.nix ./web.nix { networking.hostName = "alpha"; } ]; }).config
{
  networking.hostName = "alpha";
  environment.systemPackages = [ "git" "vim" "nginx" "curl" ];
  environment.etc = { motd = "Managed by Nix."; "nginx.conf" = "worker_processes 2;"; };
}
