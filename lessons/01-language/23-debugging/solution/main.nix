{
  # (mkServer { host = "example.org"; port = 8080; }).port   gives 8080
  # (mkServer { host = "example.org"; port = 80; }).host     fails: port 80 is privileged
  mkServer = { host, port }:
    let
      checked = if port < 1024 then throw "port ${toString port} is privileged" else port;
    in
    builtins.seq checked { inherit host; port = checked; };

  # strict { a = 1; }                        gives { a = 1; }
  # strict { a = 1; b = throw "broken"; }    fails as soon as it is evaluated
  strict = value: builtins.deepSeq value value;

  # show "jobs" 4   gives 4 and prints  trace: jobs: 4
  show = label: value: builtins.trace "${label}: ${builtins.toJSON value}" value;
}
