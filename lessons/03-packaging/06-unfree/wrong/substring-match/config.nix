{
  allowUnfreePredicate = pkg: builtins.match ".*unrar.*" pkg.name != null;
}
