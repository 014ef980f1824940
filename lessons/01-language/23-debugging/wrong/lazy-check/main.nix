{
  mkServer = { host, port }: {
    inherit host;
    port = if port < 1024 then throw "port ${toString port} is privileged" else port;
  };

  strict = value: builtins.deepSeq value value;

  show = label: value: builtins.trace "${label}: ${builtins.toJSON value}" value;
}
