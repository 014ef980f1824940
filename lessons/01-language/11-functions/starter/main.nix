{
  double = x: x;
  greet = greeting: greeting;
  hello = null;
  compose = null;
}
