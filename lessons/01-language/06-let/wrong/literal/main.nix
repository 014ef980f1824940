{ area = 21; perimeter = 20; }

# The real solution:
# let
#   width = 7;
#   height = 3;
#   area = width * height;
#   perimeter = 2 * (width + height);
# in
# {
#   area = area;
#   perimeter = perimeter;
# }
