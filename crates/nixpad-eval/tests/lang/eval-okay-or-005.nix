# or is only evaluated when needed
{ }.x or { }.y or "last"
