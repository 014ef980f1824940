{
  anInt = 512;
  aFloat = 2.5;
  aString = "Nix";
  aBool = true;
  half = 7 / 2;
}
