//! `nixpad serve`: serves the built web app (a `dist/` folder) and, optionally, a folder
//! of the host's own lessons as `/workshop.pack`, for a workshop on a laptop with no
//! internet. A small HTTP/1.1 server on `std::net` (one thread per connection, GET and
//! HEAD only); loopback unless `--bind` says otherwise.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use nixpad_lessons::{load, validate, CheckOptions, Curriculum};

/// The usage line of `nixpad serve`.
const USAGE: &str =
    "  nixpad serve [--site DIR] [--lessons DIR] [--only] [--port N] [--bind ADDR] [--open]";

const HELP: &str = "\
Serves the built web app (--site, default: dist) on http://127.0.0.1:8080/.
  --lessons DIR  validate the lessons in DIR and serve the valid ones as /workshop.pack
                 (the app shows them as their own chapters); broken ones are reported and skipped
  --only         with --lessons: answer 404 for /curriculum.pack, so only your lessons show
  --port N       port (default 8080; 0 picks a free one)
  --bind ADDR    address to listen on (default 127.0.0.1; 0.0.0.0 lets other machines connect)
  --open         open the address in the default browser";

/// The URL path of the host's lessons.
const WORKSHOP_PACK: &str = "/workshop.pack";
/// The URL path of the built-in curriculum.
const CURRICULUM_PACK: &str = "/curriculum.pack";

/// Longest request head accepted (request line and headers), in bytes.
const MAX_HEAD: usize = 16 * 1024;

/// What `nixpad serve` was asked for.
#[derive(Debug, PartialEq)]
struct Options {
    site: PathBuf,
    lessons: Option<PathBuf>,
    only: bool,
    port: u16,
    bind: String,
    open: bool,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        site: PathBuf::from("dist"),
        lessons: None,
        only: false,
        port: 8080,
        bind: "127.0.0.1".into(),
        open: false,
    };
    let mut i = 0;
    while i < args.len() {
        let flag = args[i].as_str();
        let mut value = || {
            i += 1;
            args.get(i)
                .cloned()
                .ok_or_else(|| format!("flag '{flag}' requires an argument"))
        };
        match flag {
            "--site" => o.site = PathBuf::from(value()?),
            "--lessons" => o.lessons = Some(PathBuf::from(value()?)),
            "--port" => {
                let v = value()?;
                o.port = v
                    .parse()
                    .map_err(|_| format!("--port wants a number from 0 to 65535, not '{v}'"))?;
            }
            "--bind" => o.bind = value()?,
            "--only" => o.only = true,
            "--open" => o.open = true,
            other => return Err(format!("unrecognised argument '{other}'")),
        }
        i += 1;
    }
    if o.only && o.lessons.is_none() {
        return Err("--only needs --lessons DIR (otherwise no lessons would show)".into());
    }
    Ok(o)
}

/// Validates the lessons in `dir`; reports every broken lesson on stderr (each problem
/// names its file and, when known, its line) and returns the pack of the valid ones.
fn workshop_pack(dir: &Path) -> Result<(Vec<u8>, usize), String> {
    let tree = crate::lessons::read_tree(dir)?;
    let mut skipped = Vec::new();
    for verdict in validate(&tree, &CheckOptions::default()) {
        if verdict.ok() {
            continue;
        }
        eprintln!(
            "skipped {}/{}: it has problems:",
            dir.display(),
            verdict.dir
        );
        for failure in &verdict.failures {
            for (i, line) in failure.lines().enumerate() {
                eprintln!("  {}{line}", if i == 0 { "- " } else { "  " });
            }
        }
        skipped.push(verdict.dir);
    }
    let mut curriculum: Curriculum = load(&tree).curriculum;
    for chapter in &mut curriculum.chapters {
        chapter.lessons.retain(|l| !skipped.contains(&l.dir));
    }
    curriculum.chapters.retain(|c| !c.lessons.is_empty());
    let count = curriculum.lesson_count();
    if count == 0 {
        return Err(format!(
            "no valid lessons in '{}' (see `nixpad lessons check {}`)",
            dir.display(),
            dir.display()
        ));
    }
    Ok((curriculum.to_pack(), count))
}

/// Everything a connection needs to answer.
struct Site {
    root: PathBuf,
    workshop: Option<Vec<u8>>,
    only: bool,
}

/// An answer: status, content type and body.
struct Response {
    status: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
}

impl Response {
    fn text(status: &'static str, body: &str) -> Response {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.as_bytes().to_vec(),
        }
    }
}

/// The `Content-Type` for a file name.
fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "md" | "nix" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Decodes `%XX` escapes; `None` for a malformed escape or a result that is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The file under `root` that a URL path names, if it names one safely (no `..`, no
/// absolute parts, no NUL); a folder means its `index.html`.
fn file_for(root: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path)?;
    let relative = decoded.trim_start_matches('/');
    if decoded.contains('\0') || decoded.contains('\\') {
        return None;
    }
    let mut path = root.to_path_buf();
    for part in Path::new(relative).components() {
        match part {
            Component::Normal(p) => path.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if path.is_dir() {
        path.push("index.html");
    }
    path.is_file().then_some(path)
}

impl Site {
    /// The answer to a GET of `target` (path and optional query).
    fn answer(&self, target: &str) -> Response {
        let path = target.split(['?', '#']).next().unwrap_or("/");
        if path == WORKSHOP_PACK {
            return match &self.workshop {
                Some(pack) => Response {
                    status: "200 OK",
                    content_type: "application/octet-stream",
                    body: pack.clone(),
                },
                None => Response::text("404 Not Found", "no workshop lessons on this server\n"),
            };
        }
        if path == CURRICULUM_PACK && self.only {
            return Response::text(
                "404 Not Found",
                "this server shows only its workshop lessons\n",
            );
        }
        let Some(file) = file_for(&self.root, path) else {
            return Response::text("404 Not Found", "not found\n");
        };
        match std::fs::read(&file) {
            Ok(body) => Response {
                status: "200 OK",
                content_type: content_type(&file),
                body,
            },
            Err(_) => Response::text("404 Not Found", "not found\n"),
        }
    }

    /// Reads one request from `stream` and answers it (then closes the connection).
    fn handle(&self, stream: TcpStream) {
        let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
        let Ok(writer) = stream.try_clone() else {
            return;
        };
        let mut reader = BufReader::new(stream);
        let mut head = Vec::new();
        loop {
            let mut line = String::new();
            match reader.read_line(&mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) if line == "\r\n" || line == "\n" => break,
                Ok(_) => {
                    if head.iter().map(String::len).sum::<usize>() + line.len() > MAX_HEAD {
                        return respond(
                            writer,
                            false,
                            Response::text(
                                "431 Request Header Fields Too Large",
                                "request too large\n",
                            ),
                        );
                    }
                    head.push(line);
                }
            }
        }
        let request_line = head.first().map(String::as_str).unwrap_or("");
        let mut parts = request_line.split_whitespace();
        let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        let response = match method {
            "GET" | "HEAD" if target.starts_with('/') => self.answer(target),
            "GET" | "HEAD" => Response::text("400 Bad Request", "bad request\n"),
            _ => Response::text("405 Method Not Allowed", "only GET and HEAD\n"),
        };
        respond(writer, method == "HEAD", response);
    }
}

fn respond(mut stream: TcpStream, head_only: bool, response: Response) {
    let head = format!(
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\n\
         X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        response.status,
        response.content_type,
        response.body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    if !head_only {
        let _ = stream.write_all(&response.body);
    }
    let _ = stream.flush();
}

/// Opens `url` in the default browser (best effort: says so when it cannot).
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(opener).arg(url).spawn() {
        eprintln!("could not open a browser ({opener}: {e}); open {url} yourself");
    }
}

/// Runs `nixpad serve ARGS...` (returns only on a start-up error).
pub fn main(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("usage:\n{USAGE}\n\n{HELP}");
        return ExitCode::SUCCESS;
    }
    let options = match parse(args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}\n\nusage:\n{USAGE}\n\n{HELP}");
            return ExitCode::from(1);
        }
    };
    if !options.site.join("index.html").is_file() {
        eprintln!(
            "error: '{}' holds no index.html: build the app first (scripts/serve.sh or \
             `trunk build --release --offline`), or give --site DIR",
            options.site.display()
        );
        return ExitCode::from(1);
    }
    let workshop = match &options.lessons {
        Some(dir) => match workshop_pack(dir) {
            Ok((pack, count)) => {
                println!(
                    "serving {count} lesson(s) from {} as {WORKSHOP_PACK}",
                    dir.display()
                );
                Some(pack)
            }
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(1);
            }
        },
        None => None,
    };
    let listener = match TcpListener::bind((options.bind.as_str(), options.port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "error: cannot listen on {}:{}: {e}",
                options.bind, options.port
            );
            return ExitCode::from(1);
        }
    };
    let port = listener.local_addr().map_or(options.port, |a| a.port());
    let url = format!("http://{}:{port}/", options.bind);
    println!(
        "serving {} on {url} (Ctrl+C to stop)",
        options.site.display()
    );
    if options.open {
        open_browser(&url);
    }
    let site = Arc::new(Site {
        root: options.site,
        workshop,
        only: options.only,
    });
    for stream in listener.incoming().flatten() {
        let site = Arc::clone(&site);
        std::thread::spawn(move || site.handle(stream));
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_never_leave_the_site() {
        let root = std::env::temp_dir().join(format!("nixpad-serve-unit-{}", std::process::id()));
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("index.html"), "i").unwrap();
        std::fs::write(root.join("sub/a b.js"), "a").unwrap();
        assert_eq!(file_for(&root, "/"), Some(root.join("index.html")));
        assert_eq!(
            file_for(&root, "/sub/a%20b.js"),
            Some(root.join("sub/a b.js"))
        );
        assert_eq!(file_for(&root, "/../etc/passwd"), None);
        assert_eq!(file_for(&root, "/sub/%2e%2e/%2e%2e/x"), None);
        assert_eq!(file_for(&root, "/%zz"), None);
        assert_eq!(file_for(&root, "/missing"), None);
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn options_parse_and_reject() {
        let args = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
        let o = parse(&args("--lessons L --only --port 0 --open")).unwrap();
        assert_eq!(o.lessons, Some(PathBuf::from("L")));
        assert!(o.only && o.open && o.port == 0 && o.bind == "127.0.0.1");
        assert!(parse(&args("--only"))
            .unwrap_err()
            .contains("--only needs --lessons"));
        assert!(parse(&args("--port x")).unwrap_err().contains("not 'x'"));
        assert!(parse(&args("--port"))
            .unwrap_err()
            .contains("requires an argument"));
        assert!(parse(&args("--bogus")).unwrap_err().contains("'--bogus'"));
    }

    #[test]
    fn wasm_has_its_content_type() {
        assert_eq!(content_type(Path::new("a/x_bg.wasm")), "application/wasm");
        assert_eq!(
            content_type(Path::new("sw.js")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("curriculum.pack")),
            "application/octet-stream"
        );
    }
}
