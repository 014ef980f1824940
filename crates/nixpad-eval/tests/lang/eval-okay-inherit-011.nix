# inherit of true/false/null constants
{ inherit true false null; }
