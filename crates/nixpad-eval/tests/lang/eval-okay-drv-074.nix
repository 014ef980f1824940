# Fixed-output builders do not change dependents
let f = b: derivation { name = "src"; builder = b; system = "x"; outputHash = "sha256-LCa0a2j/xo/5m0U8HTBBNBNCLXBkg7+g+YpeiGJm564="; }; u = s: (derivation { name = "u"; builder = "/bin/sh"; system = "x"; inherit s; }).drvPath; in [ ((f "a").drvPath == (f "b").drvPath) (u (f "a") == u (f "b")) ]
