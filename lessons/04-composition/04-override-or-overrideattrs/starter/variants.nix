# Variants of the curl this function is given.
{ curl }:
{
  tiny = curl;
  debug = curl;
  tinyDebug = curl;
}
