# ! on a non-Boolean
!1
