# ! and == on Booleans
[ (!true == false) (!false && false) ]
