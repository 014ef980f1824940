# Importing a directory uses default.nix
import ./lib/dir
