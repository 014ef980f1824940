# Relative paths inside an imported file are relative to that file
import ./lib/rel.nix
