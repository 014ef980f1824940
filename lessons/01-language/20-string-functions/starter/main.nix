{
  # parseName "gnome-shell-45.2"   gives { name = "gnome-shell"; version = "45.2"; }
  # parseName "hello"              gives null
  parseName = s: null;

  # tidy "  too   many  spaces "   gives "too many spaces"
  tidy = s: s;

  # render { name = "hello"; version = "2.12"; } "@name@-@version@.tar.gz"
  #   gives "hello-2.12.tar.gz"
  render = vars: template: template;

  # shorten 3 "nixpkgs"   gives "nix..."
  # shorten 10 "nix"      gives "nix"
  shorten = n: s: s;
}
