f: g: final: prev: g final (prev // f final prev)
