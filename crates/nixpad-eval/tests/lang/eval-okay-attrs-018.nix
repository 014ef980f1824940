# The or keyword is a valid attribute name
{ or = 1; }.or
