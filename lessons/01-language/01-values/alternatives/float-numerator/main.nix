{
  anInt = 1000;
  aFloat = 0.5;
  aString = "Nix";
  aBool = !false;
  half = 7.0 / 2;
}
