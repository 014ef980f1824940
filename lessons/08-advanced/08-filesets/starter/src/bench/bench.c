#include "../greet.h"

/* Calls greet a million times; run by hand, not part of the build. */
int main(void) { for (int i = 0; i < 1000000; i++) greet("bench"); return 0; }
