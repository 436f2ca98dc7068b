//! Java's predefined classes as ASCII sets, and property classes.

/// Returns the ASCII class of a Java shorthand such as `\w`, or `None`.
pub(super) fn shorthand_class(letter: char) -> Option<String> {
    let (set, negated) = match letter {
        'd' | 'D' => ("0-9", letter == 'D'),
        'w' | 'W' => ("0-9A-Za-z_", letter == 'W'),
        's' | 'S' => (r"\t\n\x0B\x0C\r ", letter == 'S'),
        'h' | 'H' => (
            r"\t \xA0\x{1680}\x{180E}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}",
            letter == 'H',
        ),
        'v' | 'V' => (r"\n\x0B\x0C\r\x{85}\x{2028}\x{2029}", letter == 'V'),
        _ => return None,
    };
    Some(bracket(set, negated))
}

/// Maps a Java property name to a class. POSIX names become ASCII classes
/// as in Java, and other names go to the Unicode tables of the regex crates.
pub(super) fn property_class(name: &str, negated: bool) -> Result<String, String> {
    if let Some(set) = posix_class(name) {
        return Ok(bracket(set, negated));
    }
    let is_block = name.starts_with("In") && name[2..].starts_with(|c: char| c.is_ascii_uppercase());
    if is_block {
        return Err(format!(r"Unicode blocks such as \p{{{name}}} are not supported"));
    }
    if name.starts_with("java") {
        return Err(format!(r"\p{{{name}}} is not supported; use a POSIX or Unicode class"));
    }
    let name = name.strip_prefix("Is").filter(|rest| !rest.is_empty()).unwrap_or(name);
    let letter = if negated { 'P' } else { 'p' };
    Ok(format!(r"\{letter}{{{name}}}"))
}

fn posix_class(name: &str) -> Option<&'static str> {
    let set = match name {
        "Lower" => "a-z",
        "Upper" => "A-Z",
        "ASCII" => r"\x00-\x7F",
        "Alpha" => "A-Za-z",
        "Digit" => "0-9",
        "Alnum" => "0-9A-Za-z",
        "Punct" => r"!-/:-@\[-`{-~",
        "Graph" => "!-~",
        "Print" => " -~",
        "Blank" => r"\t ",
        "Cntrl" => r"\x00-\x1F\x7F",
        "XDigit" => "0-9A-Fa-f",
        "Space" => r"\t\n\x0B\x0C\r ",
        _ => return None,
    };
    Some(set)
}

fn bracket(set: &str, negated: bool) -> String {
    if negated {
        format!("[^{set}]")
    } else {
        format!("[{set}]")
    }
}
