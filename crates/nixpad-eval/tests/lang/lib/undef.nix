{ a = 1; b = notDefinedAnywhere; }
