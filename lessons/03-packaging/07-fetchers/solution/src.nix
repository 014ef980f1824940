# tinyhttp's source, from GitHub.
{ fetchFromGitHub }:
fetchFromGitHub {
  owner = "example";
  repo = "tinyhttp";
  rev = "v1.3.0";
  hash = "sha256-QUXvQ9JGnyepIZuvlH0IQcTtVqovyDlkjMbqtYAA/b8=";
}
