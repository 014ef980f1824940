# or does not catch errors in the attribute value
{ a = 1; }.a or (throw "never")
