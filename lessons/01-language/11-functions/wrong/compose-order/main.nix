let
  greet = greeting: name: "${greeting}, ${name}!";
in
{
  double = x: x * 2;
  greet = greet;
  hello = greet "Hello";
  compose = f: g: x: g (f x);
}
