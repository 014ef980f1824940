# with applies to a let inside it
with { a = 10; }; let b = a + 1; in b
