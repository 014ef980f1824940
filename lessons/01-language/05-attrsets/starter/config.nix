{
  server = { host = "example.org"; };
  users = { "ada.l" = { name = "Ada Lovelace"; }; };
}
