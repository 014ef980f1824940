{
  description = "A greeting";

  outputs = { self }:
    let
      system = builtins.currentSystem;
      pkgs = import <nixpkgs> { inherit system; };
      greeting = builtins.getEnv "GREETING";
    in
    {
      packages.${system}.default = pkgs.writeShellScriptBin "greet" ''
        echo "${greeting}"
      '';
    };
}
