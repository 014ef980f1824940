# Package maintainers (`lib.maintainers`). These are the fictional people of the lessons;
# nixpkgs' list has the same shape: a name, an e-mail address, a GitHub handle and id.
{ lib }:
{
  ada = { name = "Ada Example"; email = "ada@example.org"; github = "ada-example"; githubId = 1000001; };
  brook = { name = "Brook Sample"; email = "brook@example.org"; github = "brook-sample"; githubId = 1000002; };
  chen = { name = "Chen Placeholder"; email = "chen@example.org"; github = "chen-placeholder"; githubId = 1000003; };
  dara = { name = "Dara Fictional"; email = "dara@example.org"; github = "dara-fictional"; githubId = 1000004; };
  nixpad = { name = "Nixpad lessons"; email = "lessons@nixpad.example"; github = "nixpad"; githubId = 1000000; };
}
