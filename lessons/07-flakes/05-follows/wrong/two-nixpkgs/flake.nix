{
  description = "A project with its linting tools";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  inputs.tools.url = "path:./tools";
  outputs = { self, nixpkgs, tools }: {
    packages.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.hello;
    packages.x86_64-linux.lint = tools.packages.x86_64-linux.lint;
  };
}
