# with and inherit from the with-set inside rec
with { v = 7; }; rec { inherit v; w = v * 2; }
