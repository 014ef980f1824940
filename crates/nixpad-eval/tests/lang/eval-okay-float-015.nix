# Large integers converted to float lose precision
[ (9007199254740993 == 9007199254740992.0) (1.0 * 9007199254740993) ]
