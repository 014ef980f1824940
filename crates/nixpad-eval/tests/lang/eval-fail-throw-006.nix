# A throw forced by strict printing
{ a = 1; b = { c = throw "nested throw"; }; }
