{
  description = "Our project templates";

  outputs = { self }: {
  };
}
