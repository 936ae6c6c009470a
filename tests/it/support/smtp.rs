//! A real SMTP server for tests: aiosmtpd (from PyPI, pinned, installed into
//! `target/smtp-venv` on first use by `smtp-venv.sh`) running
//! `smtp_sink.py` as a child process on a free port. The portal's own
//! outbox sender (lettre) delivers to it; the tests read back the MIME
//! messages exactly as they arrived, parsed by `mail-parser`. Addresses
//! starting with `bounce` are refused for good (550), `later` for now (451).
//! Any feature that sends mail can use it: start one per test, point a
//! [`techbridge::outbox::Sender`] at [`SmtpSink::url`], send, read.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

/// The python of the venv, installed once per test run.
fn python() -> &'static Path {
    static PY: OnceLock<PathBuf> = OnceLock::new();
    PY.get_or_init(|| {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/support/smtp-venv.sh");
        let out = Command::new("bash")
            .arg(&script)
            .stderr(Stdio::inherit())
            .output()
            .expect("run smtp-venv.sh");
        assert!(out.status.success(), "smtp-venv.sh failed");
        PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
    })
}

pub struct SmtpSink {
    child: Child,
    pub port: u16,
    dir: tempfile::TempDir,
}

impl SmtpSink {
    pub fn start() -> Self {
        let dir = tempfile::tempdir().expect("mail dir");
        let mut child = Command::new(python())
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/support/smtp_sink.py"))
            .arg("--dir")
            .arg(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the test mail server");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the mail server's port");
        let port = line.trim().parse().expect("a port number");
        Self { child, port, dir }
    }

    /// The `SMTP_URL` of this server.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// The portal's sender, pointed at this server.
    pub fn sender(&self) -> techbridge::outbox::Sender {
        techbridge::outbox::Sender::new(&self.url(), "TechBridge <noreply@techbridge.example.org>")
            .expect("sender")
    }

    /// Every message received so far, oldest first.
    pub fn messages(&self) -> Vec<Received> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(self.dir.path())
            .expect("mail dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "eml"))
            .collect();
        paths.sort();
        paths
            .into_iter()
            .map(|p| Received::parse(std::fs::read(p).expect("message")))
            .collect()
    }

    /// The messages received for one address.
    pub fn to(&self, address: &str) -> Vec<Received> {
        self.messages()
            .into_iter()
            .filter(|m| {
                m.envelope_to
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(address))
            })
            .collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One message as it arrived.
pub struct Received {
    pub raw: Vec<u8>,
    pub envelope_to: Vec<String>,
    pub subject: String,
    pub from: String,
    pub to: String,
    /// The decoded text body.
    pub text: String,
    /// Every header, decoded, in order (name as sent).
    pub headers: Vec<(String, String)>,
}

impl Received {
    fn parse(raw: Vec<u8>) -> Self {
        let msg = mail_parser::MessageParser::default()
            .parse(&raw)
            .expect("a MIME message");
        let addr = |a: Option<&mail_parser::Address>| {
            a.and_then(|a| a.first())
                .and_then(|a| a.address())
                .unwrap_or_default()
                .to_owned()
        };
        let headers = msg
            .headers()
            .iter()
            .map(|h| {
                let raw_value = String::from_utf8_lossy(
                    &raw[h.offset_start() as usize..h.offset_end() as usize],
                )
                .trim()
                .to_owned();
                (h.name().to_owned(), raw_value)
            })
            .collect();
        let envelope_to = msg
            .header_raw("X-Envelope-To")
            .unwrap_or_default()
            .trim()
            .split(',')
            .map(str::to_owned)
            .collect();
        Self {
            subject: msg.subject().unwrap_or_default().to_owned(),
            from: addr(msg.from()),
            to: addr(msg.to()),
            text: msg.body_text(0).map(|t| t.into_owned()).unwrap_or_default(),
            headers,
            envelope_to,
            raw,
        }
    }

    /// A header's raw value (as sent, folded lines joined), if present.
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.replace("\r\n", "").replace('\n', ""))
    }

    /// Every link to the portal in the body, in order.
    pub fn links(&self) -> Vec<String> {
        self.text
            .split_whitespace()
            .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
            .map(|w| w.trim_end_matches(['.', ',', ')', '>']).to_owned())
            .collect()
    }

    /// The path (and query) of the first link that contains `part`.
    pub fn path_of_link(&self, part: &str) -> String {
        let link = self
            .links()
            .into_iter()
            .find(|l| l.contains(part))
            .unwrap_or_else(|| panic!("no link with {part} in:\n{}", self.text));
        let rest = link.split_once("://").map_or(link.as_str(), |(_, r)| r);
        rest.find('/')
            .map_or("/".to_owned(), |i| rest[i..].to_owned())
    }
}
