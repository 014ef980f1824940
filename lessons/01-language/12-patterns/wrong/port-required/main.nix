{
  mkServer = { name, port, ... }@args: {
    url = "http://${name}:${toString port}";
    extra = builtins.removeAttrs args [ "name" "port" ];
  };
}
