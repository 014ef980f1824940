# Flakes: flake.nix declares inputs and an `outputs` function.
# Nix fetches the inputs; here we pass stand-ins to see how the outputs are wired.
let
  flake = import ./flake.nix;
  inputs = { nixpkgs = { }; };
  outputs = flake.outputs (inputs // { self = outputs; });
in
{
  inherit (flake) description;
  inputNames = builtins.attrNames flake.inputs;
  greeting = outputs.lib.greet "reader";
  packageNames = builtins.attrNames outputs.packages.x86_64-linux;
}
