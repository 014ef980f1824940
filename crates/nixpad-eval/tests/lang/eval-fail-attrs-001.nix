# Selecting a missing attribute suggests a close name
{ abc = 1; }.abd
