{
  # An integer larger than 100.
  anInt = null;
  # A float.
  aFloat = null;
  # The string "Nix".
  aString = null;
  # The Boolean that is not false.
  aBool = null;
  # Seven divided by two, as a float (write it as a division).
  half = null;
}
