{
  description = "A greeter, as an overlay";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  outputs = { self, nixpkgs }:
    let pkgs = nixpkgs.legacyPackages.x86_64-linux.extend self.overlays.default; in
    {
      overlays.default = final: prev: {
        greet = final.writeShellScriptBin "greet" ''
          ${final.hello}/bin/hello -g "Hello from an overlay"
        '';
      };
      packages.x86_64-linux = { inherit (pkgs) greet; default = pkgs.greet; };
    };
}
