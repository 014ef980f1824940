# Branches can have different types
map (b: if b then 1 else "one") [ true false ]
