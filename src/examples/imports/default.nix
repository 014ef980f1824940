# Several files: `import ./file.nix` evaluates another file of the tree.
# Open the other tabs to see them; add your own with the + button.
let
  lib = import ./lib.nix;
  data = import ./data.nix;
in
{
  names = lib.names data.people;
  oldest = lib.oldest data.people;
  summary = lib.summarise data;
}
