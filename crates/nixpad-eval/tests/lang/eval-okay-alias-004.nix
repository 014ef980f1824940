# __ aliases exist for builtins that are not global
[ (__typeOf __currentSystem) (__isFunction __seq) (__isFunction __tryEval) (__langVersion) ]
