{
  # parseName "gnome-shell-45.2"   gives { name = "gnome-shell"; version = "45.2"; }
  # parseName "hello"              gives null
  parseName = s:
    let groups = builtins.match "(.*)-([0-9].*)" s;
    in
    if groups == null then null
    else { name = builtins.elemAt groups 0; version = builtins.elemAt groups 1; };

  # tidy "  too   many  spaces "   gives "too many spaces"
  tidy = s:
    let pieces = builtins.filter builtins.isString (builtins.split " +" s);
    in builtins.concatStringsSep " " (builtins.filter (w: w != "") pieces);

  # render { name = "hello"; version = "2.12"; } "@name@-@version@.tar.gz"
  #   gives "hello-2.12.tar.gz"
  render = vars: template:
    builtins.replaceStrings
      (map (n: "@${n}@") (builtins.attrNames vars))
      (builtins.attrValues vars)
      template;

  # shorten 3 "nixpkgs"   gives "nix..."
  # shorten 10 "nix"      gives "nix"
  shorten = n: s:
    if builtins.stringLength s <= n then s else builtins.substring 0 n s + "...";
}
