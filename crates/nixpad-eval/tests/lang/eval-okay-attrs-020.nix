# Deeply nested attribute paths
{ a.b.c.d.e.f = "deep"; }
