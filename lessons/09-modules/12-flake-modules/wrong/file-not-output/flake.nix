{
  description = "A greeter service, and a machine that runs it";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";

  outputs = { self, nixpkgs }: {
    nixosModules.default = ./greeter.nix;
    nixosConfigurations.demo = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [ ./greeter.nix { networking.hostName = "demo"; services.greeter.enable = true; } ];
    };
  };
}
