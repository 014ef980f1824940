# A stray closing brace
}
