//! Parsing one YAML file into a raw type, turning serde-saphyr errors into diagnostics.

mod wrong_type;

use std::path::Path;

use serde::de::DeserializeOwned;
use serde_saphyr::DuplicateKeyPolicy;

use crate::diag::{Diagnostic, Position, codes};
use crate::suggest::closest;
use wrong_type::Site;

/// Maximum nesting depth of YAML collections. Definitions nest three or four levels.
pub const MAX_DEPTH: usize = 32;
/// Maximum number of YAML nodes in one file, far above any real definition and far below what exhausts memory.
pub const MAX_NODES: usize = 200_000;
/// Maximum number of alias uses in one file.
pub const MAX_ALIASES: usize = 1_000;
/// Maximum number of events that aliases may replay in one file. This limit stops "billion laughs" files.
pub const MAX_REPLAYED_EVENTS: usize = 100_000;

/// Parses `text` as one YAML document of type `T`.
///
/// Duplicate keys are errors rather than "last one wins", because a silently
/// dropped value is a content bug that no reviewer notices.
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, Diagnostic> {
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(
            Diagnostic::error(codes::UNREADABLE_FILE, Position::file_start(path), "file is empty")
                .with_help("write the definition into the file, or delete the file"),
        );
    }
    let mut alias_limits = serde_saphyr::options::AliasLimits::default();
    alias_limits.max_total_replayed_events = MAX_REPLAYED_EVENTS;
    alias_limits.max_alias_expansions_per_anchor = MAX_ALIASES;
    let options = serde_saphyr::options! {
        duplicate_keys: DuplicateKeyPolicy::Error,
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            max_nodes: MAX_NODES,
            max_aliases: MAX_ALIASES,
            max_total_scalar_bytes: MAX_SCALAR_BYTES,
        },
        alias_limits: alias_limits,
    };
    serde_saphyr::from_str_with_options(text, options).map_err(|error| to_diagnostic(path, text, &error))
}

fn to_diagnostic(path: &Path, text: &str, error: &serde_saphyr::Error) -> Diagnostic {
    let (position, site) = match error.location() {
        Some(location) if location.line() > 0 => (
            Position::of(path, &location),
            Site::find(text, location.line() as usize, location.column() as usize),
        ),
        _ => (Position::file_start(path), Site::default()),
    };
    let text = error.without_snippet().to_string();
    let message = match text.rsplit_once(" at line ") {
        Some((message, _)) => message.to_string(),
        None => text,
    };
    describe(&message, &site, position)
}

/// Assigns a code, a clearer message and advice to a serde-saphyr message.
/// `site` is the key and value at the error's position, for wrong types.
fn describe(message: &str, site: &Site, position: Position) -> Diagnostic {
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (key, choices) = split_choices(rest);
        let diagnostic = Diagnostic::error(codes::UNKNOWN_KEY, position, format!("unknown key `{key}`"));
        return match closest(&key, choices.iter().map(String::as_str)) {
            Some(best) => diagnostic.with_help(format!("did you mean `{best}`? valid keys: {}", choices.join(", "))),
            None => diagnostic.with_help(format!("valid keys: {}", choices.join(", "))),
        };
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (value, choices) = split_choices(rest);
        let diagnostic = Diagnostic::error(codes::WRONG_TYPE, position, format!("invalid value `{value}`"));
        return match closest(&value, choices.iter().map(String::as_str)) {
            Some(best) => diagnostic.with_help(format!("did you mean `{best}`? valid values: {}", choices.join(", "))),
            None => diagnostic.with_help(format!("valid values: {}", choices.join(", "))),
        };
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        let key = rest.trim_matches('`');
        return Diagnostic::error(codes::MISSING_KEY, position, format!("missing required key `{key}`"))
            .with_help(format!("add `{key}:` to this mapping"));
    }
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(", set ").next().unwrap_or(rest);
        return Diagnostic::error(
            codes::DUPLICATE_KEY,
            position,
            format!("duplicate key `{key}` in one mapping"),
        )
        .with_help("YAML keeps only one of the values; remove or rename one of the entries");
    }
    if is_budget_breach(message) {
        return Diagnostic::error(
            codes::UNREADABLE_FILE,
            position,
            format!("YAML exceeds a safety limit: {}", plain_budget_message(message)),
        )
        .with_help(format!(
            "definitions need at most {MAX_DEPTH} levels of nesting, {MAX_NODES} nodes, {MAX_ALIASES} aliases \
             and {MAX_SCALAR_BYTES} bytes of text after aliases are expanded; simplify the file"
        ));
    }
    if message.starts_with("multiple YAML documents") {
        return Diagnostic::error(codes::UNREADABLE_FILE, position, "file holds several YAML documents")
            .with_help("put one definition in each file and remove the `---` separator");
    }
    if let Some(diagnostic) = wrong_type::describe(message, site, position.clone()) {
        return diagnostic;
    }
    if message.starts_with("expected") || message.starts_with("invalid type") || message.starts_with("invalid value") {
        return Diagnostic::error(codes::WRONG_TYPE, position, message.to_string())
            .with_help("check the value against the schema of this kind of file");
    }
    Diagnostic::error(codes::YAML_SYNTAX, position, format!("invalid YAML: {message}"))
        .with_help("fix the YAML syntax at this position")
}

/// Maximum bytes of scalar text in one file, counting text that aliases repeat.
pub const MAX_SCALAR_BYTES: usize = 16 * 1024 * 1024;

/// Rewrites serde-saphyr's debug form of a breached budget, such as
/// `budget breached: ScalarBytes { total_scalar_bytes: 68000067 }`, in words.
fn plain_budget_message(message: &str) -> String {
    let number = || {
        message
            .split(|c: char| !c.is_ascii_digit())
            .rfind(|s| !s.is_empty())
            .unwrap_or("?")
            .to_string()
    };
    if message.contains("ScalarBytes") {
        return format!(
            "{} bytes of text after aliases are expanded, over the limit of {MAX_SCALAR_BYTES}",
            number()
        );
    }
    message.to_string()
}

fn is_budget_breach(message: &str) -> bool {
    ["budget", "limit exceeded", "recursion limit", "replay"]
        .iter()
        .any(|needle| message.contains(needle))
}

/// Splits "`x`, expected one of a, b, c" into the value and the choices.
fn split_choices(rest: &str) -> (String, Vec<String>) {
    let (value, tail) = rest.split_once(", expected").unwrap_or((rest, ""));
    let list = tail
        .trim_start_matches(" one of")
        .trim_start_matches(' ')
        .split(", ")
        .map(|choice| choice.trim_matches('`').to_string())
        .filter(|choice| !choice.is_empty())
        .collect();
    (value.trim_matches('`').to_string(), list)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::raw::RawNamed;

    fn parse_named(text: &str) -> Result<RawNamed, Diagnostic> {
        parse(Path::new("use-cases/x.yaml"), text)
    }

    #[test]
    fn unknown_key_names_nearest_key() {
        let error = parse_named("id: x\nname: X\ndescriptoin: y\n").unwrap_err();
        assert_eq!(error.code, codes::UNKNOWN_KEY);
        assert_eq!((error.position.line, error.position.column), (3, 1));
        assert!(error.help.unwrap().starts_with("did you mean `description`?"));
    }

    #[test]
    fn duplicate_key_is_an_error() {
        let error = parse_named("id: x\nname: X\nname: Y\n").unwrap_err();
        assert_eq!(error.code, codes::DUPLICATE_KEY);
        assert_eq!(error.position.line, 3);
    }

    #[test]
    fn missing_key_is_named() {
        let error = parse_named("id: x\n").unwrap_err();
        assert_eq!(error.code, codes::MISSING_KEY);
        assert_eq!(error.message, "missing required key `name`");
    }

    #[test]
    fn empty_file_is_reported() {
        let error = parse_named("\n  \n").unwrap_err();
        assert_eq!(error.code, codes::UNREADABLE_FILE);
    }

    fn bomb() -> String {
        let mut bomb = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for level in 1..9 {
            let list = vec![format!("*a{}", level - 1); 9].join(", ");
            bomb.push_str(&format!("a{level}: &a{level} [{list}]\n"));
        }
        bomb
    }

    #[test]
    fn alias_bomb_hits_safety_limit() {
        let error = parse::<serde_json::Value>(Path::new("x.yaml"), &bomb()).unwrap_err();
        assert_eq!(error.code, codes::UNREADABLE_FILE);
        assert!(
            error.message.starts_with("YAML exceeds a safety limit"),
            "{}",
            error.message
        );
    }

    #[test]
    fn repeated_text_hits_scalar_limit() {
        let big = "x".repeat(1024 * 1024);
        let mut text = format!("a: &a {big}\n");
        for i in 0..20 {
            text.push_str(&format!("b{i}: *a\n"));
        }
        let error = parse::<serde_json::Value>(Path::new("x.yaml"), &text).unwrap_err();
        assert!(
            error.message.contains("bytes of text after aliases are expanded"),
            "{}",
            error.message
        );
    }

    #[test]
    fn deep_nesting_hits_safety_limit() {
        let deep = format!("a: {}{}\n", "[".repeat(100), "]".repeat(100));
        let error = parse::<serde_json::Value>(Path::new("x.yaml"), &deep).unwrap_err();
        assert!(
            error.message.starts_with("YAML exceeds a safety limit"),
            "{}",
            error.message
        );
        assert_eq!(error.position.line, 1);
    }

    fn parse_rule(extra: &str) -> Result<crate::load::raw::RawRule, Diagnostic> {
        let base = "id: R\nname: N\nuse_cases: [a]\nactivity_type: x\nevent_types: [e]\n";
        parse(Path::new("rules/R.yaml"), &format!("{base}{extra}\n"))
    }

    /// Returns the code, message, help and line:column of a failed parse.
    fn summary(error: Diagnostic) -> (String, String, String, (usize, usize)) {
        let at = (error.position.line as usize, error.position.column as usize);
        (
            error.code.to_string(),
            error.message,
            error.help.unwrap_or_default(),
            at,
        )
    }

    #[test]
    fn word_for_number_is_wrong_type() {
        let expected = (
            "CD104".to_string(),
            "`score` must be a whole number of 0 or more".to_string(),
            "write digits without quotes or a decimal point, such as `score: 10`".to_string(),
            (6, 8),
        );
        assert_eq!(summary(parse_rule("score: high").unwrap_err()), expected);
        assert_eq!(summary(parse_rule("score: -1").unwrap_err()), expected);
    }

    #[test]
    fn scalar_for_list_suggests_list() {
        let expected = (
            "CD104".to_string(),
            "`attack` must be a list".to_string(),
            "write a list even for one item, such as `attack: [T1048]`".to_string(),
            (6, 9),
        );
        assert_eq!(summary(parse_rule("attack: T1048").unwrap_err()), expected);
    }

    #[test]
    fn list_for_text_asks_text() {
        let error = parse_named("id: x\nname: [a]\n").unwrap_err();
        let expected = (
            "CD104".to_string(),
            "`name` must be text, not a list or mapping".to_string(),
            "write one value; quote it if it starts with `[` or `{`".to_string(),
            (2, 7),
        );
        assert_eq!(summary(error), expected);
    }

    #[test]
    fn text_for_mapping_asks_mapping() {
        let error = parse::<crate::load::raw::RawEventType>(Path::new("e.yaml"), "id: e\nname: E\nclassification: x\n")
            .unwrap_err();
        assert_eq!(error.code, codes::WRONG_TYPE);
        assert_eq!(error.message, "`classification` must be a mapping of keys to values");
    }

    #[test]
    fn flow_integer_names_key() {
        let error =
            parse::<crate::load::raw::RawSettings>(Path::new("contentdoc.yaml"), "time: {default_year: soon}\n")
                .unwrap_err();
        assert_eq!(error.code, codes::WRONG_TYPE);
        assert_eq!(error.message, "`default_year` must be a whole number");
    }

    #[test]
    fn null_for_text_is_empty() {
        let error = parse_named("id: x\nname: ~\n").unwrap_err();
        assert_eq!(error.code, codes::WRONG_TYPE);
        assert_eq!(error.message, "`name` is empty");
    }

    #[test]
    fn yaml_one_one_words_stay_text() {
        let named = parse_named("id: no\nname: 0755\ndescription: 2026-01-01\n").unwrap();
        assert_eq!(named.id.value, "no");
        assert_eq!(named.name.value, "0755");
        assert_eq!(named.description.as_deref(), Some("2026-01-01"));
    }
}
