{
  mkServer = { host, port }: { host = "example.org"; port = 8080; };
  strict = value: { a = 1; };
  show = label: value: 4;
}
# mkServer = { host, port }:
#   let checked = if port < 1024 then throw "port ${toString port} is privileged" else port;
#   in builtins.seq checked { inherit host; port = checked; };
# strict = value: builtins.deepSeq value value;
# show = label: value: builtins.trace "${label}: ${builtins.toJSON value}" value;
