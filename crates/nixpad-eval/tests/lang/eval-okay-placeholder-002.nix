# placeholder dev
builtins.placeholder "dev"
