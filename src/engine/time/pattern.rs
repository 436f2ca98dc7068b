//! Compilation of a Java time pattern into items.

/// A numeric field of a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NumberField {
    Month,
    Day,
    Hour24,
    Hour12,
    Minute,
    Second,
}

/// One element of a compiled pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Item {
    Literal(char),
    Year {
        letters: usize,
        /// Another number follows directly, so the year has 4 digits
        /// (2 for `yy`).
        fixed_width: bool,
    },
    Number {
        field: NumberField,
        /// Another number follows directly, so this one has 2 digits.
        fixed_width: bool,
    },
    Fraction {
        digits: usize,
    },
    MonthName,
    WeekdayName,
    AmPm,
    /// `Z`: `+hhmm`.
    ZoneRfc822,
    /// `X`, `XX` or `XXX`: ISO 8601 offsets.
    ZoneIso {
        letters: usize,
    },
    /// `z`: a zone name.
    ZoneName,
}

/// Compiles `format` into items, or returns the character offset and
/// message of the first problem.
pub(super) fn parse(format: &str) -> Result<Vec<Item>, (usize, String)> {
    let chars: Vec<char> = format.chars().collect();
    let mut items = Vec::new();
    let mut pos = 0;
    while let Some(&c) = chars.get(pos) {
        if c == '\'' {
            pos = read_quoted(&chars, pos, &mut items)?;
        } else if c.is_ascii_alphabetic() {
            let letters = chars[pos..].iter().take_while(|&&other| other == c).count();
            items.push(letter_item(c, letters).map_err(|message| (pos, message))?);
            pos += letters;
        } else {
            items.push(Item::Literal(c));
            pos += 1;
        }
    }
    mark_fixed_widths(&mut items);
    check_date_fields(&items)?;
    Ok(items)
}

/// Rejects a pattern without a month or a day of month, because the date
/// would be unknown. A missing year comes from the context.
fn check_date_fields(items: &[Item]) -> Result<(), (usize, String)> {
    let is_field = |item: &Item, wanted: NumberField| matches!(item, Item::Number { field, .. } if *field == wanted);
    let has_month = items
        .iter()
        .any(|item| *item == Item::MonthName || is_field(item, NumberField::Month));
    if !has_month {
        return Err((0, "the format has no month (M)".to_owned()));
    }
    if !items.iter().any(|item| is_field(item, NumberField::Day)) {
        return Err((0, "the format has no day of month (d)".to_owned()));
    }
    Ok(())
}

/// Reads `'text'` or `''` starting at the quote at `start` and returns the
/// position after it.
fn read_quoted(chars: &[char], start: usize, items: &mut Vec<Item>) -> Result<usize, (usize, String)> {
    if chars.get(start + 1) == Some(&'\'') {
        items.push(Item::Literal('\''));
        return Ok(start + 2);
    }
    let mut pos = start + 1;
    loop {
        match chars.get(pos) {
            None => return Err((start, "quoted text is not closed by '".to_owned())),
            Some('\'') if chars.get(pos + 1) == Some(&'\'') => {
                items.push(Item::Literal('\''));
                pos += 2;
            }
            Some('\'') => return Ok(pos + 1),
            Some(&c) => {
                items.push(Item::Literal(c));
                pos += 1;
            }
        }
    }
}

/// Maps a run of `letters` copies of the pattern letter `c` to an item.
fn letter_item(c: char, letters: usize) -> Result<Item, String> {
    let number = |field, max_letters: usize| {
        if letters > max_letters {
            return Err(format!("'{c}' may repeat at most {max_letters} times"));
        }
        Ok(Item::Number {
            field,
            fixed_width: false,
        })
    };
    let limited = |item: Item, max_letters: usize| {
        if letters > max_letters {
            return Err(format!("'{c}' may repeat at most {max_letters} times"));
        }
        Ok(item)
    };
    match c {
        'y' => limited(
            Item::Year {
                letters,
                fixed_width: false,
            },
            4,
        ),
        'M' if letters >= 3 => limited(Item::MonthName, 4),
        'M' => number(NumberField::Month, 2),
        'd' => number(NumberField::Day, 2),
        'H' => number(NumberField::Hour24, 2),
        'h' => number(NumberField::Hour12, 2),
        'm' => number(NumberField::Minute, 2),
        's' => number(NumberField::Second, 2),
        'S' => limited(Item::Fraction { digits: letters }, 9),
        'a' => limited(Item::AmPm, 1),
        'E' => limited(Item::WeekdayName, 4),
        'Z' => limited(Item::ZoneRfc822, 3),
        'X' => limited(Item::ZoneIso { letters }, 3),
        'z' => limited(Item::ZoneName, 4),
        _ => Err(unsupported_letter(c)),
    }
}

/// Describes a letter that is no pattern letter here: for letters that Java
/// date patterns (SimpleDateFormat and DateTimeFormatter) know, their meaning
/// and the supported letters to use in their place, where there are any.
fn unsupported_letter(c: char) -> String {
    let (meaning, instead) = match c {
        'Y' => ("week year", Some("use 'yyyy' for the calendar year")),
        'D' => ("day in year", Some("use 'MM' and 'dd' for the month and day")),
        'u' => ("day number of week", Some("use 'EEE' for the day name")),
        'L' => ("stand-alone month", Some("use 'MM' or 'MMM' for the month")),
        'x' => ("zone offset", Some("use 'X' for the zone offset")),
        'G' => ("era", None),
        'F' => ("day of week in month", None),
        'w' => ("week in year", None),
        'W' => ("week in month", None),
        'k' => ("hour 1-24", None),
        'K' => ("hour 0-11", None),
        'Q' | 'q' => ("quarter", None),
        'e' | 'c' => ("localized day of week", None),
        'A' | 'n' | 'N' => ("milli or nano count", None),
        'V' | 'v' | 'O' => ("zone id or localized zone", None),
        'B' => ("period of day", None),
        _ => return format!("'{c}' is not a pattern letter; quote literal letters as in 'T'"),
    };
    let advice = instead.unwrap_or("quote it as in 'T' if it is literal text");
    format!("pattern letter '{c}' ({meaning}) is not supported; {advice}")
}

/// Marks each number directly followed by another number or a fraction.
fn mark_fixed_widths(items: &mut [Item]) {
    for index in 1..items.len() {
        let next_is_number = matches!(
            items[index],
            Item::Year { .. } | Item::Number { .. } | Item::Fraction { .. }
        );
        if let Item::Year { fixed_width, .. } | Item::Number { fixed_width, .. } = &mut items[index - 1] {
            *fixed_width = next_is_number;
        }
    }
}
