# Selecting a missing attribute with no similar names
{ a = 1; }.zzzzzz
