# importing a missing built-in file
import <nix/foo.nix>
