{
  description = "The welcome project";

  outputs = { self }: {
  };
}
