# import of a path built with +
(import (./lib + "/set.nix")).nested.b
