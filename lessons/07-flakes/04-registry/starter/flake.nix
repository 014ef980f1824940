{
  description = "A message of the day";

  outputs = { self }: {
  };
}
