{
  mkServer = { host, port }:
    let
      checked = if port < 1024 then throw "port ${toString port} is privileged" else port;
    in
    builtins.seq checked { inherit host; port = checked; };

  strict = value: builtins.seq value value;

  show = label: value: builtins.trace "${label}: ${toString label}" value;
}
