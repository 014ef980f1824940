let
  width = 7;
  height = 3;
  area = width * height;
  perimeter = 2 * (width + height);
in
{
  inherit width height area perimeter;
}
