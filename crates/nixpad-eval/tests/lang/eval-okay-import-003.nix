# import applies to the next argument without parens
import ./lib/fnargs.nix { a = 1; }
