{ aBool = true; aFloat = 2.5; aString = "Nix"; anInt = 512; half = 3.5; }

# The real solution:
# {
#   # An integer larger than 100.
#   anInt = 512;
#   # A float.
#   aFloat = 2.5;
#   # The string "Nix".
#   aString = "Nix";
#   # The Boolean that is not false.
#   aBool = true;
#   # Seven divided by two, as a float (write it as a division).
#   half = 7 / 2.0;
# }
