{
  description = "A greeter service, and a machine that runs it";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";

  outputs = { self, nixpkgs }: {
    nixosModules.default = ./greeter.nix;
    nixosConfigurations.demo = import <nixpkgs/nixos> {
      configuration = {
        imports = [ self.nixosModules.default ];
        networking.hostName = "demo";
        services.greeter.enable = true;
      };
    };
  };
}
