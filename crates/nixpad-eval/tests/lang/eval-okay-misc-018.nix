# getEnv of an unset variable
builtins.getEnv "NIXPAD_SURELY_UNSET"
