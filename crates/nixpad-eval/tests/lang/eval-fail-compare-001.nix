# Sets are incomparable
{ } < { }
