{
  mkServer = { name, port ? 80 }@args: {
    url = "http://${name}:${toString port}";
    extra = builtins.removeAttrs args [ "name" "port" ];
  };
}
