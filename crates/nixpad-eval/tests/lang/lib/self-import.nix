{ depth ? 0 }: if depth >= 3 then depth else import ./self-import.nix { depth = depth + 1; }
