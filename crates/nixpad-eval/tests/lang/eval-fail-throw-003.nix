# A multi-line throw message: only the first line is compared
throw "first line\nsecond line"
