# A counter threaded through a fold of attribute sets
builtins.foldl' (st: x: st // { count = st.count + 1; sum = st.sum + x; max = if x > st.max then x else st.max; }) { count = 0; sum = 0; max = -9223372036854775807 - 1; } [ 4 (-2) 17 9 ]
