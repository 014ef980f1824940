let
  checkPort = port:
    assert builtins.isInt port;
    if port < 1 || port > 65535
    then throw "port ${toString port} is out of range"
    else port;
  candidates = [ 80 0 443 70000 "8080" ];
in
{
  inherit checkPort;
  results = map (p: (builtins.tryEval (checkPort p)).value) candidates;
}
