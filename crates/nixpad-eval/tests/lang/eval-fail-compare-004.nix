# Functions are incomparable
(x: x) < (x: x)
