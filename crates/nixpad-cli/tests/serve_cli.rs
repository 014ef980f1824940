//! `nixpad serve`: a site and a lesson folder with one valid and one broken lesson. The
//! broken one is reported by file and line and left out; the valid one is served as
//! `/workshop.pack`; files come with their content types; nothing outside the site is served.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A running `nixpad serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    /// What it printed on stderr before it started listening.
    stderr: String,
    /// The first line it printed on stdout.
    first_line: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(args: &[&str]) -> Server {
    static STARTED: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = STARTED.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let log = std::env::temp_dir().join(format!("nixpad-serve-{}-{n}.stderr", std::process::id()));
    let mut child = Command::new(env!("CARGO_BIN_EXE_nixpad"))
        .arg("serve")
        .args(args)
        .args(["--port", "0"])
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .expect("run nixpad serve");
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first_line = String::new();
    let mut port = None;
    for _ in 0..3 {
        let mut line = String::new();
        if stdout.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        if first_line.is_empty() {
            first_line = line.clone();
        }
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            port = rest.split('/').next().and_then(|p| p.parse().ok());
            break;
        }
    }
    // Validation reports on stderr before the server prints where it listens.
    let stderr = std::fs::read_to_string(&log).unwrap_or_default();
    let _ = std::fs::remove_file(&log);
    let Some(port) = port else {
        let _ = child.kill();
        let _ = child.wait();
        panic!("nixpad serve did not start: {first_line}\n{stderr}");
    };
    Server {
        child,
        port,
        stderr,
        first_line,
    }
}

/// Sends `GET path` and returns the status line, the head and the body.
fn get(port: u16, method: &str, path: &str) -> (String, String, Vec<u8>) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(s, "{method} {path} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let mut all = Vec::new();
    s.read_to_end(&mut all).unwrap();
    let split = all
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a head");
    let head = String::from_utf8_lossy(&all[..split]).into_owned();
    let status = head.lines().next().unwrap_or("").to_string();
    (status, head, all[split + 4..].to_vec())
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A site (index.html, a wasm file) and a lesson folder: `01-basics/01-sum` is valid,
/// `01-basics/02-broken` has a front matter with an unknown key on line 5.
fn fixture(name: &str) -> (PathBuf, PathBuf, PathBuf) {
    let root = std::env::temp_dir().join(format!("nixpad-serve-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let site = root.join("site");
    write(
        &site.join("index.html"),
        "<!DOCTYPE html><title>Nixpad</title>",
    );
    write(&site.join("app_bg.wasm"), "\0asm");
    write(&site.join("curriculum.pack"), "built-in");
    write(&root.join("secret.txt"), "not for the web");
    let lessons = root.join("lessons");
    write(
        &lessons.join("01-basics/chapter.toml"),
        "title = \"Basics\"\nsummary = \"S\"\n",
    );
    let lesson = |dir: &str, front: &str| {
        let l = lessons.join("01-basics").join(dir);
        write(&l.join("lesson.md"), &format!("+++\n{front}+++\n\nText.\n"));
        write(&l.join("starter/main.nix"), "{ sum = 0; }\n");
        write(&l.join("solution/main.nix"), "{ sum = 1 + 2; }\n");
        // A lesson as `nixpad lessons check` wants it: three hints, a check on how the
        // answer is written, and the answer pasted as a literal among the wrong answers.
        write(
            &l.join("check.nix"),
            "{ files, syntax, ... }: [\n  { name = \"sum is 3\"; expected = 3; actual = files.\"main.nix\".sum; }\n  { name = \"adds\"; ok = (syntax.\"main.nix\".operators.\"+\" or 0) > 0; }\n]\n",
        );
        write(
            &l.join("wrong/literal/main.nix"),
            "{ sum = 3; } # { sum = 1 + 2; }\n",
        );
        write(
            &l.join("wrong/literal/note.md"),
            "The value typed out instead of computed.\n",
        );
    };
    lesson(
        "01-sum",
        "title = \"Sum\"\nsummary = \"S\"\nfiles = [\"main.nix\"]\nhints = [\"a\", \"b\", \"c\"]\n",
    );
    lesson(
        "02-broken",
        "title = \"Broken\"\nsummary = \"S\"\nfiles = [\"main.nix\"]\nhintz = [\"a\", \"b\", \"c\"]\n",
    );
    (root, site, lessons)
}

#[test]
fn serves_valid_lessons_and_reports_broken_ones_by_file_and_line() {
    let (root, site, lessons) = fixture("workshop");
    let server = start(&[
        "--site",
        site.to_str().unwrap(),
        "--lessons",
        lessons.to_str().unwrap(),
    ]);
    assert!(
        server.first_line.contains("serving 1 lesson(s)"),
        "{}",
        server.first_line
    );
    let broken = format!("skipped {}/01-basics/02-broken", lessons.display());
    assert!(server.stderr.contains(&broken), "{}", server.stderr);
    assert!(
        server.stderr.contains("01-basics/02-broken/lesson.md:5:"),
        "the problem names the file and line: {}",
        server.stderr
    );
    assert!(!server.stderr.contains("01-sum"), "{}", server.stderr);
    let (status, head, body) = get(server.port, "GET", "/workshop.pack");
    assert_eq!(status, "HTTP/1.1 200 OK", "{head}");
    let curriculum = nixpad_lessons::Curriculum::from_pack(&body).expect("a valid pack");
    let ids: Vec<&str> = curriculum.lessons().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["basics/sum"]);
    // The built-in curriculum is still there (no --only).
    let (status, _, body) = get(server.port, "GET", "/curriculum.pack");
    assert_eq!(
        (status.as_str(), body.as_slice()),
        ("HTTP/1.1 200 OK", &b"built-in"[..])
    );
    drop(server);
    let _ = std::fs::remove_dir_all(root);
}

#[test]
fn only_hides_the_curriculum_and_files_have_their_types() {
    let (root, site, lessons) = fixture("only");
    let server = start(&[
        "--site",
        site.to_str().unwrap(),
        "--lessons",
        lessons.to_str().unwrap(),
        "--only",
    ]);
    let (status, _, _) = get(server.port, "GET", "/curriculum.pack");
    assert_eq!(status, "HTTP/1.1 404 Not Found");
    let (status, head, body) = get(server.port, "GET", "/app_bg.wasm");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(head.contains("Content-Type: application/wasm"), "{head}");
    assert_eq!(body, b"\0asm");
    let (status, head, _) = get(server.port, "GET", "/?lessons=x");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(head.contains("Content-Type: text/html"), "{head}");
    let (status, head, body) = get(server.port, "HEAD", "/index.html");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(head.contains("Content-Length: 36"), "{head}");
    assert!(body.is_empty());
    for escape in ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt"] {
        let (status, _, _) = get(server.port, "GET", escape);
        assert_eq!(status, "HTTP/1.1 404 Not Found", "{escape}");
    }
    let (status, _, _) = get(server.port, "POST", "/");
    assert_eq!(status, "HTTP/1.1 405 Method Not Allowed");
    drop(server);
    let _ = std::fs::remove_dir_all(root);
}

#[test]
fn without_a_built_site_it_says_how_to_build_one() {
    let out = Command::new(env!("CARGO_BIN_EXE_nixpad"))
        .args(["serve", "--site", "/nonexistent-nixpad-site", "--port", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("holds no index.html"), "{stderr}");
}
