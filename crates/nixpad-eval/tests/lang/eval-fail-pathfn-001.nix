# baseNameOf of an int
baseNameOf 1
