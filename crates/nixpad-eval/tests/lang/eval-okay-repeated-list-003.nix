# inherit (e) shares e: a long list from it prints «repeated»
let inherit (let sh = [ ",x y-" "'" "\",é" ]; in { p = sh; q = sh; }) p q; in [ p q ]
