{
  hello = { name = "hello"; };
}
