{
  greeting = "";
  answer = 0;
}
