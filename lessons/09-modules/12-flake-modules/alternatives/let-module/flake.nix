{
  description = "A greeter service, and a machine that runs it";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";

  outputs = { self, nixpkgs, ... }:
    let
      demo = { services.greeter.enable = true; networking.hostName = "demo"; };
    in
    {
      nixosModules.default = import ./greeter.nix;
      nixosModules.greeter = self.nixosModules.default;
      nixosConfigurations.demo = nixpkgs.lib.nixosSystem {
        system = "x86_64-linux";
        modules = [ self.nixosModules.greeter demo ];
      };
    };
}
