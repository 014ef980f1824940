# A throw inside an imported file
import ./lib/throws.nix
