use regex::bytes::Regex;

use super::{RegexEngine, TranslateError, translate};

/// Translates `source` and compiles it with the `regex` crate.
fn automaton(source: &str) -> Regex {
    let translated = translate(source).expect("pattern translates");
    assert_eq!(translated.engine(), RegexEngine::Automaton, "{source}");
    Regex::new(translated.pattern()).expect("translated pattern compiles")
}

fn translate_error(source: &str) -> TranslateError {
    translate(source).expect_err("pattern is rejected")
}

fn capture<'a>(regex: &Regex, line: &'a str, group: &str) -> Option<&'a str> {
    let captures = regex.captures(line.as_bytes())?;
    let found = captures.name(group)?;
    Some(std::str::from_utf8(found.as_bytes()).expect("UTF-8 capture"))
}

#[test]
fn brace_capture_becomes_named_group() {
    let translated = translate(r"user=({user}\S+)").unwrap();
    assert_eq!(translated.pattern(), r"user=(?P<user>[^\t\n\x0B\x0C\r ]+)");
    assert_eq!(translated.groups()[0].field, "user");
}

#[test]
fn standard_named_groups_are_accepted() {
    let regex = automaton(r"(?P<a>\d+)-(?<b>\d+)");
    assert_eq!(capture(&regex, "12-34", "a"), Some("12"));
    assert_eq!(capture(&regex, "12-34", "b"), Some("34"));
}

#[test]
fn nested_captures_both_extract() {
    let regex = automaton(r"({addr}({host}[a-z]+):({port}\d+))");
    assert_eq!(capture(&regex, "x db:5432", "addr"), Some("db:5432"));
    assert_eq!(capture(&regex, "x db:5432", "host"), Some("db"));
    assert_eq!(capture(&regex, "x db:5432", "port"), Some("5432"));
}

#[test]
fn alternated_captures_extract_taken_branch() {
    let regex = automaton(r"(?:user=({user}\w+)|src=({src}\w+))");
    assert_eq!(capture(&regex, "src=web1", "src"), Some("web1"));
    assert_eq!(capture(&regex, "src=web1", "user"), None);
}

#[test]
fn repeated_field_gets_renamed_group() {
    let translated = translate(r"(?:u=({user}\w+)|name=({=user}\w+))").unwrap();
    let names: Vec<&str> = translated.groups().iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["user", "user__2"]);
    assert!(translated.groups().iter().all(|g| g.field == "user"));
    let regex = Regex::new(translated.pattern()).unwrap();
    assert_eq!(capture(&regex, "name=bob", "user__2"), Some("bob"));
}

#[test]
fn repeated_field_alias_skips_taken_name() {
    let translated = translate(r"({a__2}x)({a}y)|({=a}z)").unwrap();
    let names: Vec<&str> = translated.groups().iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["a__2", "a", "a__3"]);
}

#[test]
fn repeated_field_without_first_rejected() {
    let error = translate_error(r"x({=user}\w+)");
    assert_eq!(error.position, 1);
    assert!(error.message.contains("no earlier group"), "{error}");
}

#[test]
fn duplicate_field_capture_rejected() {
    let error = translate_error(r"({user}\w+) ({user}\w+)");
    assert_eq!(error.position, 12);
    assert!(error.message.contains("({=user}...)"), "{error}");
}

#[test]
fn invalid_field_names_rejected_with_position() {
    assert_eq!(translate_error(r"ab({1user}x)").position, 4);
    assert_eq!(translate_error(r"({us-er}x)").position, 4);
    assert_eq!(translate_error(r"({}x)").position, 2);
    assert_eq!(translate_error(r"(?<a b>x)").position, 4);
    assert!(translate_error(r"({user x)").message.contains("not closed"));
}

#[test]
fn shorthand_classes_are_ascii_only() {
    let word = automaton(r"^\w+$");
    assert!(word.is_match(b"abc_09"));
    assert!(!word.is_match("é".as_bytes()));
    assert!(!automaton(r"^\d$").is_match("٣".as_bytes()));
    assert!(!automaton(r"^\s$").is_match("\u{2003}".as_bytes()));
    assert!(automaton(r"^\W$").is_match("é".as_bytes()));
    assert!(automaton(r"^\D\S$").is_match("éé".as_bytes()));
}

#[test]
fn word_boundary_is_ascii_only() {
    assert!(automaton(r"\bcafé").is_match("a café b".as_bytes()));
    assert!(!automaton(r"café\b").is_match("a café b".as_bytes()));
    assert!(automaton(r"x\b").is_match("xé".as_bytes()));
    assert!(automaton(r"a\Bb").is_match(b"ab"));
}

#[test]
fn angle_bracket_escapes_are_literal() {
    let regex = automaton(r"\<({tag}\w+)\>");
    assert_eq!(capture(&regex, "x <msg> y", "tag"), Some("msg"));
    assert!(!regex.is_match(b"msg"));
}

#[test]
fn dot_and_literals_match_utf8() {
    let regex = automaton(r"name=({name}.+) città=({city}.)$");
    assert_eq!(capture(&regex, "name=Zoë città=é", "name"), Some("Zoë"));
    assert_eq!(capture(&regex, "name=Zoë città=é", "city"), Some("é"));
}

#[test]
fn dot_excludes_java_line_terminators() {
    assert!(!automaton(r"^a.b$").is_match(b"a\rb"));
    assert!(!automaton(r"^a.b$").is_match("a\u{2028}b".as_bytes()));
    assert!(automaton(r"(?s)^a.b$").is_match(b"a\rb"));
    assert!(automaton(r"(?d)^a.b$").is_match(b"a\rb"));
    assert!(!automaton(r"(?d)^a.b$").is_match(b"a\nb"));
}

#[test]
fn flags_end_with_their_group() {
    let regex = automaton(r"(?:(?s)a.)b.");
    assert!(regex.is_match(b"a\nb!"));
    assert!(!regex.is_match(b"a\nb\n"));
    assert!(automaton(r"(?i)USER").is_match(b"user"));
    assert!(automaton(r"(?i:a)B").is_match(b"AB"));
    assert!(!automaton(r"(?i:a)B").is_match(b"Ab"));
}

#[test]
fn comments_flag_strips_space_and_comments() {
    let regex = automaton("(?x) ({user} \\w+ ) # the user\n @ [ a b ]");
    assert_eq!(capture(&regex, "bob@b", "user"), Some("bob"));
    assert!(!regex.is_match(b"bob@ "));
}

#[test]
fn quoted_text_is_literal() {
    let regex = automaton(r"\Q[a+b]\E({rest}.*)");
    assert_eq!(capture(&regex, "[a+b]tail", "rest"), Some("tail"));
    assert!(!regex.is_match(b"aab]"));
    assert!(automaton(r"[\Q]-\E]+").is_match(b"]-"));
}

#[test]
fn character_escapes_keep_java_meaning() {
    assert!(automaton(r"^\e\cA\011\x41\x{42}\u0043$").is_match(b"\x1B\x01\tABC"));
    assert!(automaton(r"^\uD83D\uDE00$").is_match("😀".as_bytes()));
    assert!(automaton(r"^\.\#\ $").is_match(b".# "));
    assert!(automaton(r"^\R$").is_match(b"\r\n"));
    assert!(automaton(r"^a\Z").is_match(b"a"));
}

#[test]
fn class_contents_are_translated() {
    let regex = automaton(r"^[\w.-]+$");
    assert!(regex.is_match(b"a.b-c_d"));
    assert!(!regex.is_match("é".as_bytes()));
    assert!(automaton(r"^[\w-.]+$").is_match(b"-.-"));
    assert!(automaton(r"^[^\s\]]+$").is_match(b"ab[c"));
    assert!(automaton(r"^[a-z&&[^aeiou]]+$").is_match(b"xyz"));
    assert!(!automaton(r"^[a-z&&[^aeiou]]+$").is_match(b"xaz"));
    assert!(automaton(r"^[]a]+$").is_match(b"]a"));
    assert!(automaton(r"^[a~&^]+$").is_match(b"~&^a"));
}

#[test]
fn posix_properties_are_ascii() {
    assert!(automaton(r"^\p{Alpha}+$").is_match(b"abcXYZ"));
    assert!(!automaton(r"^\p{Alpha}$").is_match("é".as_bytes()));
    assert!(automaton(r"^\p{Punct}+$").is_match(b"!/:@[`{~"));
    assert!(automaton(r"^\P{Digit}$").is_match(b"x"));
    assert!(automaton(r"^\p{IsLatin}$").is_match("é".as_bytes()));
    assert!(automaton(r"^\pL$").is_match("é".as_bytes()));
}

#[test]
fn unsupported_constructs_rejected() {
    for (source, position) in [
        (r"ab\G", 2),
        (r"\p{InGreek}", 0),
        (r"\p{javaLowerCase}", 0),
        (r"(?U)\w", 2),
        (r"x\b{g}", 1),
        (r"\q", 0),
        (r"[\b]", 1),
    ] {
        assert_eq!(translate_error(source).position, position, "{source}");
    }
}

#[test]
fn malformed_patterns_rejected_with_position() {
    assert_eq!(translate_error(r"ab(cd").position, 2);
    assert_eq!(translate_error(r"ab)").position, 2);
    assert_eq!(translate_error(r"a[bc").position, 1);
    assert_eq!(translate_error(r"a{x}").position, 1);
    assert_eq!(translate_error(r"ab\").position, 2);
    assert_eq!(translate_error(r"(?z)").position, 2);
    assert_eq!(translate_error(r"ab+*").position, 3);
    assert_eq!(translate_error(r"a{2}{3}").position, 4);
}

#[test]
fn backtracking_constructs_select_fancy_engine() {
    for source in [
        r"a(?=b)",
        r"a(?!b)",
        r"(?<=a)b",
        r"(?<!a)b",
        r"(?>a+)b",
        r"a*+b",
        r"a{2}+",
        r"(a)\1",
        r"({x}a)\k<x>",
    ] {
        let translated = translate(source).unwrap();
        assert_eq!(translated.engine(), RegexEngine::Backtracking, "{source}");
        fancy_regex::Regex::new(translated.pattern()).expect("fancy-regex accepts the pattern");
    }
}

#[test]
fn backreference_to_named_group_uses_name() {
    let translated = translate(r"({q}['])x\1").unwrap();
    assert!(translated.pattern().ends_with(r"x\k<q>"), "{}", translated.pattern());
    let numbered = translate(r"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\10\11").unwrap();
    assert!(
        numbered.pattern().ends_with(r"(?:\10)(?:\1)1"),
        "{}",
        numbered.pattern()
    );
}

#[test]
fn backtracking_word_boundary_is_ascii() {
    let translated = translate(r"(?=x)\bx\b").unwrap();
    let regex = fancy_regex::Regex::new(translated.pattern()).unwrap();
    assert!(regex.is_match("x").unwrap());
    assert!(regex.is_match("éx").unwrap());
    assert!(!regex.is_match("ax").unwrap());
    let boundary = fancy_regex::Regex::new(translate(r"(?=x)x\b").unwrap().pattern()).unwrap();
    assert!(boundary.is_match("xé").unwrap());
    assert!(!boundary.is_match("xa").unwrap());
}

#[test]
fn source_position_maps_back() {
    let translated = translate(r"\w+({user}[a-z]+)").unwrap();
    let pattern = translated.pattern();
    let group_offset = pattern.find("(?P<user>").unwrap();
    assert_eq!(translated.source_position(group_offset), 3);
    let class_offset = pattern.find("[a-z]").unwrap();
    assert_eq!(translated.source_position(class_offset), 10);
    assert_eq!(translated.source_position(pattern.len()), 17);
}

#[test]
fn nested_lookaround_is_rejected() {
    let error = translate(r"(?=.*(?=.*Q))({direction}inbound)").unwrap_err();
    assert_eq!(error.position, 5);
    assert_eq!(error.message, "a lookaround inside another lookaround is not supported");
}

#[test]
fn sibling_lookarounds_are_accepted() {
    assert!(translate(r"(?<=user=)({user}\w+)(?=,)").is_ok());
}

#[test]
fn many_lookarounds_are_rejected() {
    let pattern = format!("{}({{user}}!)", "(?=[^!]*$)".repeat(5));
    let error = translate(&pattern).unwrap_err();
    assert_eq!(error.position, 40);
    assert_eq!(error.message, "more than 4 lookarounds in one regex are not supported");
}
