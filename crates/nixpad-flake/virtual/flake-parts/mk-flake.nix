{ inputs }:
{ systems, perSystem ? (_: { }), flake ? { } }:
let
  pick = system: set: builtins.mapAttrs (_: output: output.${system} or { }) set;
  forSystem =
    system:
    let
      inputs' = builtins.mapAttrs (_: input: pick system (builtins.removeAttrs input [ "inputs" "outputs" "sourceInfo" "self" ])) inputs;
      args = {
        inherit system inputs';
        self' = pick system result;
      } // (if inputs ? nixpkgs then { pkgs = inputs.nixpkgs.legacyPackages.${system}; } else { });
    in
    perSystem args;
  perSystemNames = builtins.foldl' (names: system: names ++ builtins.attrNames (forSystem system)) [ ] systems;
  result =
    builtins.listToAttrs (
      map (name: {
        inherit name;
        value = builtins.listToAttrs (
          map (system: {
            name = system;
            value = (forSystem system).${name};
          }) (builtins.filter (system: (forSystem system) ? ${name}) systems)
        );
      }) perSystemNames
    )
    // flake;
in
result
