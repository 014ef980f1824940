# Precedence: multiplication/division bind tighter than +/-
[ (1 + 2 * 3) ((1 + 2) * 3) (10 - 4 / 2) (2 * 3 / 4) (100 / 10 / 5) (10 - 3 - 2) ]
