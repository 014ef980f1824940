let
  port = 8080;
  user = "ada";
in
{
  config = "[server]\nport = ${toString port}\nuser = \"${user}\"\n";
}
