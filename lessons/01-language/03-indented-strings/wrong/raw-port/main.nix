let
  port = 8080;
  user = "ada";
in
{
  config = ''
    [server]
    port = ${port}
    user = "${user}"
  '';
}
