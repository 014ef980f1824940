# An undefined variable inside an imported file
(import ./lib/undef.nix).a
