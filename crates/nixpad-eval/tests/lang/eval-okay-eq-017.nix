# Equality of values from different imports of the same file
import ./lib/set.nix == import ./lib/set.nix
