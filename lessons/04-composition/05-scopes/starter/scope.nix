# A scope with libgreet and greet.
{ lib, newScope }:
{
}
