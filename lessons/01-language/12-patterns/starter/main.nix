{
  mkServer = args: { url = "http://localhost"; extra = { }; };
}
