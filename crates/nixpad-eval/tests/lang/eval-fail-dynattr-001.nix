# A dynamic name must be a string
{ ${1} = 1; }
