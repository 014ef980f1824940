[
  { name = "ada"; age = 36; }
  { name = "tim"; age = 12; }
  { name = "grace"; age = 85; }
]
