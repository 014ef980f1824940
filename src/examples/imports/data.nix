{
  people = [
    { name = "Ada"; age = 36; }
    { name = "Grace"; age = 85; }
    { name = "Alan"; age = 41; }
  ];
}
