let
  greet = greeting: name: "${greeting}, ${name}!";
in
{
  double = x: x * 2;
  greet = greet;
  hello = name: greet "Hello" name;
  compose = f: g: x: f (g x);
}
