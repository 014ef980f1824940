f: g: final: prev: f final prev // g final prev
