# Context of a copied path
builtins.getContext "${./lib/store/hello.txt}"
