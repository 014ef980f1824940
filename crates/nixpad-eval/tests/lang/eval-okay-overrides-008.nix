# __overrides may itself be rec, and may come from inherit
[ (rec { __overrides = rec { a = b; b = 1; }; a = 1; b = 5; c = a; }) (rec { inherit ({ __overrides = { a = 2; }; }) __overrides; a = 1; }) ]
