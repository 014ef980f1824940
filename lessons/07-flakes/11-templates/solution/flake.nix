{
  description = "Our project templates";

  outputs = { self }: {
    templates.shell = {
      path = ./templates/shell;
      description = "A development shell";
      welcomeText = ''
        # A development shell
        Run `nix develop` to enter it.
      '';
    };

    templates.package = {
      path = ./templates/package;
      description = "A package";
    };

    templates.default = self.templates.shell;
  };
}
