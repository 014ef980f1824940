# Block comments do not nest
/* outer /* inner */ 5
