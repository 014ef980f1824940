{
  allowUnfree = true;
}
