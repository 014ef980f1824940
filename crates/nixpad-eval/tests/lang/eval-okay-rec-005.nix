# A non-rec inner set sees the outer rec's names
rec { x = 1; y = { x = 2; z = x; }; }.y.z
