# A scheme and any text forms a URI
[ mailto:me@example.org x:y urn:isbn:0451450523 ]
