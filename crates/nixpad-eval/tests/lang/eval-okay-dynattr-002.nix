# A dynamic name that evaluates to null is skipped
{ ${null} = 1; b = 2; }
