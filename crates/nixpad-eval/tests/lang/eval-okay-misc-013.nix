# currentTime is an integer
builtins.typeOf builtins.currentTime
