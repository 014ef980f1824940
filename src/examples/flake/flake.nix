{
  description = "A tiny flake";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  };

  outputs = { self, nixpkgs }: {
    lib.greet = name: "Hello, ${name}!";

    packages.x86_64-linux.default = derivation {
      name = "hello-flake";
      system = "x86_64-linux";
      builder = "/bin/sh";
      args = [ "-c" "echo ${self.lib.greet "flake"} > $out" ];
    };
  };
}
