# tinyhttp's source, from GitHub.
{ fetchFromGitHub }:
fetchFromGitHub {
  owner = "example";
  repo = "tinyhttp";
  rev = "v1.2.0";
  hash = "sha256-ZiTP+efj3Dq0V8ZDzqW0E4ONVvN6+PdoawhcdQ8F+FU=";
}
