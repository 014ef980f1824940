let
  width = 7;
  height = 3;
in
{
  area = 0;
  perimeter = 0;
}
