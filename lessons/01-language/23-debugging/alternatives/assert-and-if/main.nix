# The checks on the path evaluation takes anyway: an `assert` in front of the server (its
# condition throws the message), and a condition that evaluates the whole value.
{
  mkServer = { host, port }:
    assert port >= 1024 || throw "port ${toString port} is privileged";
    { inherit host port; };

  strict = value: if builtins.deepSeq value true then value else value;

  show = label: value: builtins.trace (label + ": " + builtins.toJSON value) value;
}
