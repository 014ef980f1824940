# An empty inherit is allowed
{ inherit; x = 1; }
