# The web profile (read-only): what a web server gets.
{
  environment.systemPackages = [ "nginx" "curl" ];
  environment.etc."nginx.conf" = "worker_processes 2;";
}
