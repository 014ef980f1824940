{ me = baseNameOf ./rel.nix; sibling = import ./fn.nix 41; }
