# inherit (e) of a missing name fails only when used
{ inherit ({ a = 1; }) a b; c = 1; }.b
