# isList and isAttrs
[ (builtins.isList [ ]) (builtins.isList { }) (builtins.isAttrs { }) (builtins.isAttrs [ ]) ]
