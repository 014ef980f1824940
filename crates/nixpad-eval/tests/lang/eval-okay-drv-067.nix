# Attributes are not forced before drvPath is needed
(derivation { name = "a"; builder = "b"; system = "c"; x = throw "boom"; }).name
