# __-prefixed aliases of builtins
[ (__add 1 2) (__length [ 1 2 3 ]) (__typeOf 1) (__head [ "h" ]) (__elemAt [ 1 2 ] 1) ]
