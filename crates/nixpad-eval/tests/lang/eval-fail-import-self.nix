# A file importing itself: Nix keeps a file's value only once it is evaluated, so the
# import evaluates the file again, until the call depth is exceeded.
import ./eval-fail-import-self.nix
