# A set pattern default without a value
{ a ? }: 1
