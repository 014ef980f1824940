# isInt forces its argument
builtins.isInt (throw "forced")
