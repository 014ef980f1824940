let
  port = 8080;
  user = "ada";
in
{
  config = ''
    [server]
    port = ${toString port}
    user = "${user}"
  '';
}
