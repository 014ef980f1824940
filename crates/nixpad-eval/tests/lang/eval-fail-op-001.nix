# ! binds tighter than ==, so !1 == 2 negates 1
!1 == 2
