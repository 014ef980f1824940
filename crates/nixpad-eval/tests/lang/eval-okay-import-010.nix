# A file importing itself with an argument
import ./lib/self-import.nix { }
