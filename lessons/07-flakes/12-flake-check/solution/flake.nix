{
  description = "A greeter with tests";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      packages.x86_64-linux.default = pkgs.writeShellScriptBin "greet" ''
        echo "Hello, checks!"
      '';
      packages.x86_64-linux.docs = pkgs.writeText "README" "Run greet to be greeted.";

      checks.x86_64-linux.greets = pkgs.runCommand "greets" { } ''
        ${self.packages.x86_64-linux.default}/bin/greet | grep -q Hello
        touch $out
      '';
    };
}
