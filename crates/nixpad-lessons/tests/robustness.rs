//! No input makes the engine panic: mutated lesson files, check files, learner code,
//! progress JSON and packs all end as problems, failed checks or errors.

use nixpad_lessons::*;

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "+++",
    "\n",
    "\"",
    "[",
    "]",
    "{",
    "}",
    "=",
    ";",
    "${",
    "''",
    "<script>",
    "](javascript:x)",
    "```nix runnable\n",
    "```",
    "\u{0}",
    "é",
    "hints",
    "files",
    "null",
    "throw \"x\"",
    "let x = x; in x",
    "\\",
    "#",
    "\r\n",
    "0",
    "-1",
    "1e999",
    "\"format\":\"nixpad-progress\"",
    "\"version\":1",
    "\"lessons\":",
    "syntax",
    "importWith { \"lib.nix\" = \"{\"; } \"lib.nix\"",
    "throws = \"(\";",
    "reveal = false;",
    "check.drvDiff 1 2",
    "{\"a/b\":{}}",
];

/// Applies a few random edits: delete a range, insert a piece, duplicate a range.
fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(3) {
            0 if !bytes.is_empty() => {
                let end = (at + rng.below(20)).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            1 => {
                let piece = PIECES[rng.below(PIECES.len())].as_bytes();
                bytes.splice(at..at, piece.iter().copied());
            }
            _ => {
                let end = (at + rng.below(30)).min(bytes.len());
                let copy = bytes[at.min(end)..end].to_vec();
                bytes.splice(at..at, copy);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

const MD: &str = "+++\ntitle = \"T\"\nsummary = \"S\"\nfiles = [\"main.nix\"]\nreadonly = [\"lib.nix\"]\nhints = [\"a `b`\", \"c\", \"d\"]\n+++\n\n# Head\n\nText *em* **strong** [l](lesson:c/l).\n\n- item\n\n```nix runnable\nimport ./lib.nix\n```\n";
const CHECK: &str = "{ files, syntax, importWith, ... }: [ { name = \"n\"; expected = 1; actual = files.\"main.nix\".x or null; hint = 1; } { name = \"m\"; ok = syntax.\"main.nix\".uses.attrset > 0; } { name = \"h\"; actual = (importWith { \"lib.nix\" = \"{ y = 3; }\"; } \"lib.nix\").y; expected = 3; reveal = false; why = \"w\"; } { name = \"t\"; actual = throw \"boom\"; throws = \"bo+m\"; } ]";

fn tree(md: &str, check: &str, main: &str) -> FileTree {
    let mut t = FileTree::new();
    t.insert(
        "01-c/chapter.toml".into(),
        b"title = \"C\"\nsummary = \"S\"\n".to_vec(),
    );
    t.insert("01-c/01-l/lesson.md".into(), md.as_bytes().to_vec());
    t.insert("01-c/01-l/check.nix".into(), check.as_bytes().to_vec());
    t.insert(
        "01-c/01-l/starter/main.nix".into(),
        main.as_bytes().to_vec(),
    );
    t.insert("01-c/01-l/starter/lib.nix".into(), b"{ y = 2; }".to_vec());
    t.insert("01-c/01-l/solution/main.nix".into(), b"{ x = 1; }".to_vec());
    t.insert(
        "01-c/01-l/wrong/literal/main.nix".into(),
        b"{ x = 2; }".to_vec(),
    );
    t.insert(
        "01-c/01-l/wrong/literal/note.md".into(),
        b"A guess.".to_vec(),
    );
    t.insert(
        "lib/check.nix".into(),
        include_bytes!("../../../lessons/lib/check.nix").to_vec(),
    );
    t
}

#[test]
fn the_unmutated_tree_is_valid() {
    let v = validate(&tree(MD, CHECK, "{ x = 0; }"), &CheckOptions::default());
    assert!(v.iter().all(|v| v.ok()), "{v:?}");
}

#[test]
fn mutated_lessons_never_panic() {
    let mut rng = Rng(0x9e3779b97f4a7c15);
    let options = CheckOptions {
        fuel: 50_000,
        ..CheckOptions::default()
    };
    let mut problems = 0;
    for _ in 0..150 {
        let md = mutate(&mut rng, MD);
        let check = mutate(&mut rng, CHECK);
        let main = mutate(
            &mut rng,
            "{ x = let f = n: if n == 0 then 1 else f (n - 1); in f 3; }",
        );
        let verdicts = validate(&tree(&md, &check, &main), &options);
        problems += verdicts.iter().filter(|v| !v.ok()).count();
        let (_doc, _p) = parse_markdown(&md, "x.md", 1);
    }
    // Most mutations break something, and each breakage is reported, not a crash.
    assert!(problems > 50, "{problems}");
}

#[test]
fn mutated_progress_and_packs_never_panic() {
    let mut rng = Rng(12345);
    let mut p = Progress::new();
    p.record_attempt("c/l", false);
    p.show_next_hint("c/l", 2);
    p.set_code("c/l", "main.nix", "{ x = \"é\"; }");
    let json = p.to_json();
    let pack = load(&tree(MD, CHECK, "{ x = 0; }"))
        .curriculum
        .to_pack_json();
    let (mut ok, mut err) = (0, 0);
    for _ in 0..400 {
        match Progress::from_json(&mutate(&mut rng, &json)) {
            Ok(_) => ok += 1,
            Err(e) => {
                assert!(!e.0.is_empty());
                err += 1
            }
        }
        let _ = Progress::from_json_lossy(&mutate(&mut rng, &json));
        if let Ok(c) = Curriculum::from_pack_json(&mutate(&mut rng, &pack)) {
            // A pack that reads must be usable.
            for l in c.lessons() {
                let _ = l.check_starter(&CheckOptions {
                    fuel: 20_000,
                    ..CheckOptions::default()
                });
            }
        }
    }
    assert!(ok > 0 && err > 0, "ok {ok}, err {err}");
}
