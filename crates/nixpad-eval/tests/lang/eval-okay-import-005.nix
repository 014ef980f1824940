# Imports are resolved relative to the importing file
import ./lib/chain.nix
