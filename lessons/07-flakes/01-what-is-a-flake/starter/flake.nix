{
  description = "";

  outputs = { self }: {
  };
}
