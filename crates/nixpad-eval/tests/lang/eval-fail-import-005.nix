# import of a relative string is not allowed
import "./lib/set.nix"
