# __ aliases print as PRIMOP
[ __add __typeOf __filter ]
