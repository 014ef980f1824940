# split with two groups
builtins.split "(a)|(b)" "xaybz"
