# missing attributes are reported before a .drv name
derivationStrict { name = "a.drv"; builder = 1; }
