//! Field kinds: the values a log field takes and the regex classes that
//! match exactly those values.
//!
//! Every class of a kind matches every value of the kind in full and stops
//! at the character after it (a space, a `"` or the end of the line), with
//! ASCII semantics for `\w`, `\d` and `\s`. Only kinds whose classes are
//! negated (`[^\s,]`, `\S`, `[^"]`) ever get a non-ASCII value.

use rand::RngExt;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Ipv4,
    Ipv6,
    Port,
    Count,
    Word,
    Host,
    User,
    Email,
    Path,
    Url,
    Md5,
    Sha256,
    Mac,
    Severity,
    /// Free text with spaces; written only inside quotes.
    Text,
}

/// Fields of the catalogue with the kind of their values.
pub const FIELDS: &[(&str, Kind)] = &[
    ("src_ip", Kind::Ipv4),
    ("dst_ip", Kind::Ipv4),
    ("nat_src_ip", Kind::Ipv4),
    ("nat_dst_ip", Kind::Ipv4),
    ("client_ip", Kind::Ipv6),
    ("src_port", Kind::Port),
    ("dst_port", Kind::Port),
    ("bytes_in", Kind::Count),
    ("bytes_out", Kind::Count),
    ("bytes", Kind::Count),
    ("packets", Kind::Count),
    ("duration", Kind::Count),
    ("pid", Kind::Count),
    ("ppid", Kind::Count),
    ("session_id", Kind::Word),
    ("request_id", Kind::Word),
    ("protocol", Kind::Word),
    ("interface", Kind::Word),
    ("rule_name", Kind::Word),
    ("policy", Kind::Word),
    ("dst_host", Kind::Host),
    ("src_host", Kind::Host),
    ("domain", Kind::Host),
    ("query", Kind::Host),
    ("user", Kind::User),
    ("src_user", Kind::User),
    ("dst_user", Kind::User),
    ("account", Kind::User),
    ("target_user", Kind::User),
    ("sender", Kind::Email),
    ("recipient", Kind::Email),
    ("email", Kind::Email),
    ("process", Kind::Path),
    ("parent_process", Kind::Path),
    ("file_path", Kind::Path),
    ("object", Kind::Path),
    ("url", Kind::Url),
    ("referrer", Kind::Url),
    ("md5", Kind::Md5),
    ("sha256", Kind::Sha256),
    ("src_mac", Kind::Mac),
    ("dst_mac", Kind::Mac),
    ("severity", Kind::Severity),
    ("risk", Kind::Count),
    ("message", Kind::Text),
    ("reason", Kind::Text),
    ("user_agent", Kind::Text),
    ("command_line", Kind::Text),
    ("subject", Kind::Text),
    ("alert_name", Kind::Text),
    ("app", Kind::Word),
    ("device_id", Kind::Word),
    ("tenant", Kind::Word),
    ("region", Kind::Word),
    ("status_code", Kind::Port),
    ("method", Kind::Severity),
    ("signature_id", Kind::Count),
    ("file_name", Kind::Path),
    ("share_name", Kind::Word),
    ("group", Kind::Word),
];

impl Kind {
    /// Regex classes (with quantifier) that match this kind's values when
    /// they are not written inside quotes.
    pub fn classes(self) -> &'static [&'static str] {
        match self {
            Kind::Ipv4 => &[r"[^\s]+", r"\S+", r"\d{1,3}(?:\.\d{1,3}){3}", r"[0-9.]+", r"[\d.]+"],
            Kind::Ipv6 => &[r"[0-9A-Fa-f:.]+", r"\S+", r"[^\s]+"],
            Kind::Port | Kind::Count => &[r"\d+", r"[0-9]+", r"\d{1,10}"],
            Kind::Word => &[r"\w+", r"[A-Za-z0-9_]+", r"[^\s]+", r"[\w-]+"],
            Kind::Host => &[r"[\w.-]+", r"[^\s]+", r"[A-Za-z0-9.-]+", r"\S+"],
            Kind::User => &[r"[^\s,]+", r"\S+", r"[^\s]+"],
            Kind::Email => &[r"[^\s@]+@[\w.-]+", r"\S+", r"[^\s,]+"],
            Kind::Path | Kind::Url => &[r"\S+", r"[^\s]+"],
            Kind::Md5 => &[r"[a-fA-F0-9]{32}", r"[0-9a-f]+", r"\w{32}"],
            Kind::Sha256 => &[r"[a-fA-F0-9]{64}", r"[0-9a-f]+", r"\w+"],
            Kind::Mac => &[r"[0-9A-Fa-f:]{17}", r"[0-9A-Fa-f:-]+", r"\S+"],
            Kind::Severity => &[r"[A-Za-z]+", r"\w+", r"[^\s]+"],
            Kind::Text => &[],
        }
    }

    /// True when the value is a number, written without quotes in JSON.
    pub fn is_numeric(self) -> bool {
        matches!(self, Kind::Port | Kind::Count)
    }

    /// Returns a random value of this kind. `plain` values contain no `\`,
    /// so they can be written into JSON text as they are.
    pub fn value(self, rng: &mut ChaCha8Rng, plain: bool) -> String {
        match self {
            Kind::Ipv4 => ipv4(rng),
            Kind::Ipv6 => format!(
                "2001:db8:{:x}::{:x}",
                rng.random_range(1..0xffff),
                rng.random_range(1..0xffff)
            ),
            Kind::Port => rng.random_range(1..65535u32).to_string(),
            Kind::Count => rng.random_range(0..5_000_000u32).to_string(),
            Kind::Word => format!("{}{}", pick(rng, WORDS), rng.random_range(1..999)),
            Kind::Host => format!(
                "{}{:02}.{}",
                pick(rng, HOST_STEMS),
                rng.random_range(1..60),
                pick(rng, DOMAINS)
            ),
            Kind::User => user(rng, plain),
            Kind::Email => format!("{}@{}", pick(rng, PEOPLE), pick(rng, DOMAINS)),
            Kind::Path if plain || rng.random_bool(0.5) => {
                format!("/{}/{}", pick(rng, UNIX_DIRS), pick(rng, EXECUTABLES))
            }
            Kind::Path => format!(r"C:\Windows\System32\{}.exe", pick(rng, EXECUTABLES)),
            Kind::Url => format!(
                "https://{}/{}?id={}",
                pick(rng, DOMAINS),
                pick(rng, WORDS),
                rng.random_range(1..9999)
            ),
            Kind::Md5 => hex(rng, 32),
            Kind::Sha256 => hex(rng, 64),
            Kind::Mac => (0..6)
                .map(|_| format!("{:02x}", rng.random_range(0..256u32)))
                .collect::<Vec<_>>()
                .join(":"),
            Kind::Severity => pick(rng, SEVERITIES).to_string(),
            Kind::Text if rng.random_bool(0.03) => pick(rng, NON_ASCII_TEXT).to_string(),
            Kind::Text => format!(
                "{} {} {}",
                capital(pick(rng, WORDS)),
                pick(rng, WORDS),
                pick(rng, WORDS)
            ),
        }
    }
}

fn pick(rng: &mut ChaCha8Rng, list: &'static [&'static str]) -> &'static str {
    list.choose(rng).unwrap()
}

fn capital(word: &str) -> String {
    super::words::capitalised(word)
}

fn ipv4(rng: &mut ChaCha8Rng) -> String {
    let prefix = pick(rng, &["192.0.2", "198.51.100", "203.0.113", "10.20.30", "172.16.8"]);
    format!("{prefix}.{}", rng.random_range(1..255))
}

fn user(rng: &mut ChaCha8Rng, plain: bool) -> String {
    if rng.random_bool(0.03) {
        return pick(rng, NON_ASCII_USERS).to_string();
    }
    let person = pick(rng, PEOPLE);
    match rng.random_range(0..3) {
        0 if !plain => format!(r"CORP\{person}"),
        1 => format!("{person}@{}", pick(rng, DOMAINS)),
        _ => person.to_string(),
    }
}

fn hex(rng: &mut ChaCha8Rng, length: usize) -> String {
    (0..length)
        .map(|_| char::from(b"0123456789abcdef"[rng.random_range(0..16)]))
        .collect()
}

const WORDS: &[&str] = &[
    "alpha",
    "bravo",
    "quarterly",
    "report",
    "invoice",
    "payroll",
    "backup",
    "deploy",
    "staging",
    "archive",
    "customer",
    "export",
    "ledger",
    "vendor",
    "review",
    "draft",
    "contract",
    "budget",
    "roadmap",
    "audit",
];
const HOST_STEMS: &[&str] = &["web", "db", "mail", "fw", "dc", "app", "vpn", "proxy", "files", "build"];
const DOMAINS: &[&str] = &[
    "example.com",
    "example.net",
    "example.org",
    "corp.example.com",
    "eu.example.net",
];
const PEOPLE: &[&str] = &[
    "j.smith",
    "a.khan",
    "m.keller",
    "l.chen",
    "r.okafor",
    "s.novak",
    "t.ito",
    "svc_backup",
];
const NON_ASCII_USERS: &[&str] = &["jürgen.müller", "zoë.dupont", "joão.silva", "åsa.berg"];
const NON_ASCII_TEXT: &[&str] = &[
    "Überweisung für März",
    "Relevé de compte – août",
    "Pedido nº 4471 São Paulo",
];
const UNIX_DIRS: &[&str] = &["usr/bin", "usr/sbin", "opt/agent/bin", "tmp", "var/lib/app"];
const EXECUTABLES: &[&str] = &[
    "powershell",
    "cmd",
    "rundll32",
    "sshd",
    "curl",
    "python3",
    "certutil",
    "bash",
];
const SEVERITIES: &[&str] = &["LOW", "MEDIUM", "HIGH", "CRITICAL", "info", "warning", "GET", "POST"];
