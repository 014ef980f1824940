# import is a primop that can be passed around
map import [ ./lib/counter.nix ./lib/dir ]
