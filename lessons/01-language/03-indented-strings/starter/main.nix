let
  port = 8080;
  user = "ada";
in
{
  config = "[server]";
}
