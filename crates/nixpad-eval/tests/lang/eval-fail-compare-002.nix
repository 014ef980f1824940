# null is incomparable
null < null
