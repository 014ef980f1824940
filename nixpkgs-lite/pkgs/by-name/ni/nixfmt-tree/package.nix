# nixfmt-tree: formats every .nix file under the current folder with nixfmt (what
# `nix fmt` runs when a flake's `formatter` is this package).
{
  writeShellApplication,
  nixfmt,
  findutils,
}:
writeShellApplication {
  name = "nixfmt-tree";
  runtimeInputs = [ nixfmt findutils ];
  text = ''
    if [ "$#" -gt 0 ]; then
      exec nixfmt "$@"
    fi
    find . -name '*.nix' -type f -not -path './.git/*' -exec nixfmt {} +
  '';
  meta.description = "Format all the Nix files of a project with nixfmt";
}
