let
  greet = greeting: name: "${greeting}, ${name}!";
in
{
  double = x: 42;
  greet = greet;
  hello = greet "Hello";
  compose = f: g: x: f (g x);
}
