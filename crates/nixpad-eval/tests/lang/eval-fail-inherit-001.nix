# inherit of an undefined variable
{ inherit nosuchvariable; }
