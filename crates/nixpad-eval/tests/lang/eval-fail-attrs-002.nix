# Selecting a missing attribute with several suggestions
{ ab = 1; ac = 2; }.ad
