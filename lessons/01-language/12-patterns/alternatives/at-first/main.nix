{
  mkServer = args@{ name, port ? 80, ... }: {
    url = "http://${name}:${toString port}";
    extra = builtins.removeAttrs args [ "name" "port" ];
  };
}
