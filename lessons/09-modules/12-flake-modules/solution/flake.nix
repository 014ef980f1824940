{
  description = "A greeter service, and a machine that runs it";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";

  # Export greeter.nix as nixosModules.default, and define the NixOS machine `demo`
  # (x86_64-linux, host name "demo") that runs the greeter.
  outputs = { self, nixpkgs }: {
    nixosModules.default = ./greeter.nix;

    nixosConfigurations.demo = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        self.nixosModules.default
        {
          networking.hostName = "demo";
          services.greeter.enable = true;
        }
      ];
    };
  };
}
