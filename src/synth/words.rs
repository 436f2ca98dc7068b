//! Word lists and syllable names that make generated content read like a
//! real library.

use rand::RngExt;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

/// A subject of logged activity, the first part of an event type id.
pub struct Subject {
    pub slug: &'static str,
    pub title: &'static str,
    pub actions: &'static [&'static str],
}

macro_rules! subjects {
    ($(($slug:literal, $title:literal, [$($action:literal),*])),* $(,)?) => {
        &[$(Subject { slug: $slug, title: $title, actions: &[$($action),*] }),*]
    };
}

/// Subjects with the actions their event types record.
pub const SUBJECTS: &[Subject] = subjects![
    (
        "auth",
        "Authentication",
        ["login", "logout", "password-change", "mfa-challenge"]
    ),
    ("vpn", "VPN", ["connect", "disconnect", "login"]),
    ("ssh", "SSH", ["login", "command", "key-add"]),
    ("process", "Process", ["start", "stop", "inject"]),
    ("file", "File", ["create", "delete", "modify", "read", "rename"]),
    ("registry", "Registry", ["create", "modify", "delete"]),
    ("dns", "DNS", ["query", "response"]),
    ("http", "HTTP", ["request", "upload", "download"]),
    ("email", "Email", ["send", "receive", "forward"]),
    ("dlp-alert", "DLP alert", ["email", "web", "usb"]),
    ("firewall", "Firewall", ["allow", "deny", "nat"]),
    ("ids-alert", "IDS alert", ["signature", "anomaly"]),
    ("malware-alert", "Malware alert", ["detect", "quarantine", "clean"]),
    (
        "account",
        "Account",
        ["create", "delete", "lock", "unlock", "enable", "disable"]
    ),
    ("group", "Group", ["member-add", "member-remove", "create"]),
    ("privilege", "Privilege", ["escalate", "grant", "revoke"]),
    ("share", "File share", ["access", "create"]),
    ("usb", "USB device", ["mount", "copy"]),
    ("print", "Print", ["job"]),
    ("badge", "Badge", ["access"]),
    ("cloud-storage", "Cloud storage", ["upload", "download", "share"]),
    ("database", "Database", ["query", "login", "export"]),
    ("config", "Configuration", ["change", "backup"]),
    ("kerberos", "Kerberos", ["tgt-request", "service-ticket"]),
    ("session", "Session", ["start", "end"]),
    ("scheduled-task", "Scheduled task", ["create", "run"]),
    ("service", "Service", ["install", "start", "stop"]),
    ("wifi", "Wi-Fi", ["associate", "deauth"]),
    ("mdm", "Mobile device", ["enroll", "wipe"]),
    ("sso", "Single sign-on", ["login", "token-issue"]),
    ("api", "API", ["call", "key-create"]),
    ("container", "Container", ["start", "exec"]),
    ("kubernetes", "Kubernetes", ["pod-create", "exec", "secret-read"]),
    ("iam", "Cloud IAM", ["policy-change", "role-assume"]),
    ("web-app", "Web application", ["request", "error"]),
    ("waf", "WAF", ["block", "alert"]),
    ("proxy", "Web proxy", ["request", "block"]),
    ("certificate", "Certificate", ["issue", "revoke"]),
    ("backup", "Backup", ["start", "restore"]),
    ("remote-access", "Remote access", ["connect", "file-transfer"]),
];

/// Product categories.
pub const CATEGORIES: &[&str] = &[
    "Email Security",
    "Endpoint Protection",
    "Network Firewall",
    "Web Proxy",
    "Identity Provider",
    "VPN Gateway",
    "Intrusion Detection",
    "Data Loss Prevention",
    "Cloud Platform",
    "Cloud Storage",
    "Database",
    "Operating System",
    "Directory Service",
    "Privileged Access",
    "Mobile Device Management",
    "Physical Security",
    "Web Application Firewall",
    "Container Platform",
    "DNS Security",
    "Backup",
    "Print Management",
    "Remote Access",
    "Wireless Network",
    "Certificate Authority",
    "SIEM Forwarder",
    "Application Server",
    "Load Balancer",
    "Secure File Transfer",
    "Collaboration Suite",
    "CASB",
];

/// Use cases.
pub const USE_CASES: &[&str] = &[
    "Data Exfiltration",
    "Compromised Credentials",
    "Phishing",
    "Privilege Abuse",
    "Lateral Movement",
    "Malware",
    "Insider Threat",
    "Account Manipulation",
    "Brute Force",
    "Persistence",
    "Command and Control",
    "Cloud Misconfiguration",
    "Defense Evasion",
    "Reconnaissance",
    "Ransomware",
];

const QUALIFIERS: &[&str] = &[
    "rare",
    "first-time",
    "off-hours",
    "high-volume",
    "new-country",
    "peer-outlier",
    "spike",
    "burst",
    "dormant-account",
    "privileged",
    "external",
    "unusual-host",
    "repeated",
    "new-asset",
    "sensitive",
    "after-termination",
    "blocklisted",
    "anomalous",
    "service-account",
    "weekend",
];

const ONSETS: &[&str] = &[
    "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "tr", "kr", "st",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "eo"];
const CODAS: &[&str] = &["", "", "n", "r", "x", "s", "l", "th"];

/// Product kinds, as a display word and a short token part.
pub const PRODUCT_KINDS: &[(&str, &str)] = &[
    ("Gateway", "gw"),
    ("Firewall", "fw"),
    ("Endpoint", "edr"),
    ("Proxy", "px"),
    ("Identity", "idp"),
    ("Mail", "mail"),
    ("Cloud", "cloud"),
    ("Vault", "vault"),
    ("Sensor", "ids"),
    ("Directory", "dir"),
    ("Access", "acc"),
    ("Guard", "grd"),
    ("Server", "srv"),
    ("Analytics", "anl"),
];

/// Returns a pronounceable lowercase word of 2 or 3 syllables.
pub fn syllable_word(rng: &mut ChaCha8Rng) -> String {
    let syllables = rng.random_range(2..=3);
    let mut word = String::new();
    for _ in 0..syllables {
        word.push_str(ONSETS.choose(rng).unwrap());
        word.push_str(VOWELS.choose(rng).unwrap());
    }
    word.push_str(CODAS.choose(rng).unwrap());
    word
}

/// Returns `word` with its first letter in upper case.
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// Returns a rule qualifier such as `off-hours`.
pub fn qualifier(rng: &mut ChaCha8Rng) -> &'static str {
    QUALIFIERS.choose(rng).unwrap()
}

/// Returns a slug made of lowercase words of `text`.
pub fn slug(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.join("-")
}
