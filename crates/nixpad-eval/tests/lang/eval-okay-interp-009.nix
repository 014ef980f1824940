# Interpolating a float via toString uses six decimals
"f=${toString 1.5}"
