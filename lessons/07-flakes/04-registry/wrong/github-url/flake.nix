{
  description = "A message of the day";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
  inputs.data = { url = "path:./data"; flake = false; };
  outputs = { self, nixpkgs, data }: {
    packages.x86_64-linux.motd =
      nixpkgs.legacyPackages.x86_64-linux.writeText "motd" (builtins.readFile "${data}/motd.txt");
  };
}
