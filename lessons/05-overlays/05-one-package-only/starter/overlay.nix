final: prev: {
}
