# A syntax error inside an imported file
import ./lib/syntax-error.nix
