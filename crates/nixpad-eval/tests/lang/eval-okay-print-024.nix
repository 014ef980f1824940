# Sets with attribute names that look like numbers or paths
{ "0" = 0; "1.5" = 1; "a/b" = 2; "a.b" = 3; "-" = 4; "'" = 5; }
