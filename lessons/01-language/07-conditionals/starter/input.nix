{
  n = 42;
  defaults = { port = 80; host = "localhost"; debug = false; };
  overrides = { port = 8080; debug = true; };
}
