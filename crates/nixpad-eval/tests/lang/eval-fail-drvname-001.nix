# a derivation name may not end in .drv
(derivation { name = "a.drv"; builder = "b"; system = "s"; }).drvPath
