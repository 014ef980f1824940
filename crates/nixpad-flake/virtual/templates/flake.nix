# Templates for `nixpad flake init -t templates#NAME`, written for Nixpad's virtual flakes.
{
  description = "Flake templates";

  outputs =
    { self }:
    {
      templates = {
        trivial = {
          path = ./trivial;
          description = "A flake with one package, for one system";
        };
        utils = {
          path = ./utils;
          description = "A flake with a package and a development shell for every default system, with flake-utils";
          welcomeText = ''
            # Getting started
            - `nixpad flake show` lists the outputs for every system
            - `nixpad flake lock` pins nixpkgs and flake-utils in flake.lock
          '';
        };
        shell = {
          path = ./shell;
          description = "A development shell, without helper libraries";
        };
        default = self.templates.trivial;
      };
    };
}
