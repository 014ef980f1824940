# tinyhttp's source, from GitHub.
{ fetchFromGitHub }:
fetchFromGitHub {
  owner = "example";
  repo = "tinyhttp";
  rev = "v1.3.0";
  hash = (import <nixpkgs/lib>).fakeHash;
}
