{ a = 1; f = y: y * 2; nested.b = "nb"; }
