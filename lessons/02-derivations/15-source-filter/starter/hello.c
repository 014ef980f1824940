#include "hello.h"

int main(void) { return greet(); }
