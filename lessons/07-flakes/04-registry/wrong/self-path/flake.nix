{
  description = "A message of the day";
  inputs.nixpkgs.url = "nixpkgs";
  outputs = { self, nixpkgs }: {
    packages.x86_64-linux.motd =
      nixpkgs.legacyPackages.x86_64-linux.writeText "motd" (builtins.readFile ./data/motd.txt);
  };
}
