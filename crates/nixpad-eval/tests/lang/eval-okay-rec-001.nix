# rec sets can refer to their own attributes
rec { a = 1; b = a + 1; c = b * 10; }
