{ defaultSystems }:
let
  # Builds { packages.x86_64-linux = ...; packages.aarch64-linux = ...; } from a function
  # giving { packages = ...; } for one system.
  eachSystem =
    systems: perSystem:
    builtins.foldl' (
      outputs: system:
      let
        forSystem = perSystem system;
      in
      outputs
      // builtins.mapAttrs (name: value: (outputs.${name} or { }) // { ${system} = value; }) forSystem
    ) { } systems;
  allSystems = [
    "x86_64-linux"
    "aarch64-linux"
    "x86_64-darwin"
    "aarch64-darwin"
    "i686-linux"
    "armv7l-linux"
    "riscv64-linux"
  ];
in
{
  inherit eachSystem defaultSystems allSystems;
  eachDefaultSystem = eachSystem defaultSystems;
  # system.x86_64-linux = "x86_64-linux", so typos are errors.
  system = builtins.listToAttrs (map (s: { name = s; value = s; }) allSystems);
  mkApp =
    { drv, name ? drv.pname or drv.name, exePath ? drv.passthru.exePath or "/bin/${name}" }:
    {
      type = "app";
      program = "${drv}${exePath}";
    };
}
