{
  description = "A greeter, as an overlay";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";

  outputs = { self, nixpkgs }:
    let
      pkgs = import nixpkgs {
        system = "x86_64-linux";
        overlays = [ self.overlays.default ];
      };
    in
    {
      overlays.default = final: prev: {
        greet = final.writeShellScriptBin "greet" ''
          ${final.hello}/bin/hello -g "Hello from an overlay"
        '';
      };

      packages.x86_64-linux.greet = pkgs.greet;
      packages.x86_64-linux.default = pkgs.greet;
    };
}
