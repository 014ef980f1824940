# Importing a file that evaluates to a set
import ./lib/set.nix
