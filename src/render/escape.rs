//! Escaping content text for Markdown output.
//!
//! Content text is data, not markup: a `|` must not split a table cell, a
//! newline must not end a table row, and `<b>` must show as text rather than
//! turn the rest of the page bold.

/// Escapes text for a GitHub-flavoured Markdown table cell, on one line.
///
/// Line breaks become `<br>`, which is the only way to break a line inside a cell.
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut lines = text.trim().lines().peekable();
    while let Some(line) = lines.next() {
        push_inline(&mut out, line.trim_end_matches('\r'));
        if lines.peek().is_some() {
            out.push_str("<br>");
        }
    }
    out
}

/// Returns true when [`cell`] returns `text` unchanged, which is when the
/// text has no surrounding whitespace, no line break, no character that
/// Markdown escapes and no control character.
pub fn is_plain_cell(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.trim().len() == text.len()
        && !bytes.iter().enumerate().any(|(index, &byte)| {
            is_inline_special(byte)
                || byte < 0x20
                || byte == 0x7F
                || (byte == 0xC2 && matches!(bytes.get(index + 1), Some(0x80..=0x9F)))
        })
}

/// Writes a Markdown description into a table cell, keeping its inline markup.
///
/// Lines of a paragraph are joined with spaces and paragraphs are separated
/// by `<br><br>`. Outside code spans `<` is escaped so raw HTML shows as
/// text; everywhere `|` is written `\|` so it cannot split the cell.
pub fn markdown_cell(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut open_fence: Option<usize> = None;
    for (index, paragraph) in paragraphs.iter().enumerate() {
        if index > 0 {
            out.push_str("<br><br>");
        }
        let mut chars = paragraph.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '`' => {
                    let mut run = 1;
                    while chars.next_if_eq(&'`').is_some() {
                        run += 1;
                    }
                    open_fence = match open_fence {
                        Some(open) if open == run => None,
                        None => Some(run),
                        other => other,
                    };
                    out.extend(std::iter::repeat_n('`', run));
                }
                '|' => out.push_str("\\|"),
                '<' if open_fence.is_none() => out.push_str("\\<"),
                '\\' if open_fence.is_none() => {
                    out.push('\\');
                    out.extend(chars.next());
                }
                c => push_visible(&mut out, c),
            }
        }
        if let Some(run) = open_fence.take() {
            out.extend(std::iter::repeat_n('`', run));
        }
    }
    out
}

/// Escapes text for one line of Markdown outside tables (headings, list items).
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (index, word) in text.split_whitespace().enumerate() {
        if index > 0 {
            out.push(' ');
        }
        push_inline(&mut out, word);
    }
    out
}

/// Writes `text` as a code span for a table cell, keeping every character visible.
///
/// GitHub-flavoured Markdown splits cells on `|` even inside code spans, so
/// pipes are written `\|`, which the table parser turns back into `|`.
pub fn code_cell(text: &str) -> String {
    code_span(text, true)
}

/// Writes `text` as a code span outside tables.
pub fn code(text: &str) -> String {
    code_span(text, false)
}

/// Writes `text` as a code span, with line breaks as spaces and, in a table
/// cell, `|` as `\|`.
fn code_span(text: &str, in_cell: bool) -> String {
    let mut body = String::with_capacity(text.len() + 8);
    let mut start = 0;
    for (index, byte) in text.bytes().enumerate() {
        let replacement = match byte {
            b'\n' | b'\r' => " ",
            b'|' if in_cell => "\\|",
            _ => continue,
        };
        push_visible_str(&mut body, &text[start..index]);
        body.push_str(replacement);
        start = index + 1;
    }
    push_visible_str(&mut body, &text[start..]);
    let fence_length = longest_backtick_run(&body) + 1;
    let pad = if body.starts_with('`') || body.ends_with('`') || body.is_empty() {
        " "
    } else {
        ""
    };
    let mut span = String::with_capacity(body.len() + 2 * (fence_length + pad.len()));
    span.extend(std::iter::repeat_n('`', fence_length));
    span.push_str(pad);
    span.push_str(&body);
    span.push_str(pad);
    span.extend(std::iter::repeat_n('`', fence_length));
    span
}

fn longest_backtick_run(text: &str) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for byte in text.bytes() {
        run = if byte == b'`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// Wraps `text` in a fenced code block whose fence no backtick run in the text can close.
pub fn code_block(text: &str) -> String {
    let fence = "`".repeat(longest_backtick_run(text).max(2) + 1);
    let mut block = String::with_capacity(text.len() + 2 * fence.len() + 8);
    block.push_str(&fence);
    block.push_str("text\n");
    let mut start = 0;
    for (index, byte) in text.bytes().enumerate() {
        if byte == b'\n' || byte == b'\t' {
            push_visible_str(&mut block, &text[start..index]);
            block.push(byte as char);
            start = index + 1;
        }
    }
    push_visible_str(&mut block, &text[start..]);
    block.push('\n');
    block.push_str(&fence);
    block
}

/// Normalises a Markdown description for use as a block: trims it, drops
/// carriage returns so the page's line endings stay consistent, and keeps
/// the block from swallowing the rest of the page.
///
/// Outside code fences, a `<` that starts a line is escaped, because
/// CommonMark reads it as the start of an HTML block (`<script>`, `<pre>`,
/// `<!--`, `<?`...) that can run to the end of the page, and `<!--` is
/// escaped anywhere. A fence still open at the end is closed.
pub fn block(text: &str) -> String {
    let text = text.trim().replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len() + 8);
    let mut open_fence: Option<(char, usize)> = None;
    for line in text.lines() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent..];
        let fence = if indent <= 3 { fence_of(rest) } else { None };
        match (open_fence, fence) {
            (Some((c, n)), Some((d, m, info))) if c == d && m >= n && info.trim().is_empty() => {
                open_fence = None;
                out.push_str(line);
            }
            (Some(_), _) => out.push_str(line),
            (None, Some((c, n, _))) => {
                open_fence = Some((c, n));
                out.push_str(line);
            }
            (None, None) => {
                let line = line.replace("<!--", "\\<!--");
                if indent <= 3 && rest.starts_with('<') && !rest.starts_with("<!--") {
                    out.push_str(&line[..indent]);
                    out.push('\\');
                    out.push_str(&line[indent..]);
                } else {
                    out.push_str(&line);
                }
            }
        }
        out.push('\n');
    }
    if let Some((c, n)) = open_fence {
        out.extend(std::iter::repeat_n(c, n));
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out
}

/// Reads a code fence opening or closing line: its character, length and
/// info string. A backtick fence whose info string has a backtick is not
/// a fence in CommonMark.
fn fence_of(line: &str) -> Option<(char, usize, &str)> {
    let c = line.chars().next().filter(|&c| c == '`' || c == '~')?;
    let length = line.len() - line.trim_start_matches(c).len();
    let info = &line[length..];
    (length >= 3 && !(c == '`' && info.contains('`'))).then_some((c, length, info))
}

/// Returns true for the ASCII characters that [`push_inline`] escapes.
fn is_inline_special(byte: u8) -> bool {
    matches!(
        byte,
        b'|' | b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'#' | b'~' | b'!' | b'<' | b'&'
    )
}

fn push_inline(out: &mut String, line: &str) {
    let mut start = 0;
    for (index, byte) in line.bytes().enumerate() {
        if is_inline_special(byte) {
            push_visible_str(out, &line[start..index]);
            out.push('\\');
            out.push(byte as char);
            start = index + 1;
        }
    }
    push_visible_str(out, &line[start..]);
}

/// Shows control characters (a carriage return, a NUL) as escapes instead of
/// writing them raw, where they would end lines or vanish.
fn push_visible(out: &mut String, c: char) {
    if c.is_control() {
        out.extend(c.escape_default());
    } else {
        out.push(c);
    }
}

/// Writes `text` as [`push_visible`] writes each of its characters.
///
/// The control characters are U+0000 to U+001F and U+007F to U+009F, so in
/// UTF-8 they are the bytes below 0x20, 0x7F, and 0xC2 followed by 0x80 to
/// 0x9F. Every other run of bytes is copied as it is.
fn push_visible_str(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut index = 0;
    while index < bytes.len() {
        let width = match bytes[index] {
            0x00..=0x1F | 0x7F => 1,
            0xC2 if matches!(bytes.get(index + 1), Some(0x80..=0x9F)) => 2,
            _ => {
                index += 1;
                continue;
            }
        };
        out.push_str(&text[start..index]);
        for c in text[index..index + width].chars() {
            push_visible(out, c);
        }
        index += width;
        start = index;
    }
    out.push_str(&text[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_escapes_pipe_newline_and_tag() {
        assert_eq!(cell("a|b\nc <b>"), "a\\|b<br>c \\<b>");
    }

    #[test]
    fn markdown_cell_joins_and_escapes() {
        let text = "First `a|<b>` line\nwraps <i>.\n\nSecond | para.";
        assert_eq!(
            markdown_cell(text),
            "First `a\\|<b>` line wraps \\<i>.<br><br>Second \\| para."
        );
    }

    #[test]
    fn markdown_cell_closes_open_code_span() {
        assert_eq!(markdown_cell("a `b"), "a `b`");
    }

    #[test]
    fn block_closes_open_fence() {
        assert_eq!(block("text\n```\ncode"), "text\n```\ncode\n```");
        assert_eq!(block("```\ncode\n```"), "```\ncode\n```");
    }

    #[test]
    fn block_escapes_html_block_starts() {
        assert_eq!(
            block("Intro\n<script>alert(1)\n  <pre>x"),
            "Intro\n\\<script>alert(1)\n  \\<pre>x"
        );
    }

    #[test]
    fn block_ignores_fake_fences() {
        assert_eq!(block("``` a`b\ntext"), "``` a`b\ntext");
        assert_eq!(block("```\ncode\n    ```"), "```\ncode\n    ```\n```");
    }

    #[test]
    fn block_keeps_fenced_code() {
        assert_eq!(block("```\n<script>\n```"), "```\n<script>\n```");
    }

    #[test]
    fn block_escapes_html_comment() {
        assert_eq!(block("a <!-- b"), "a \\<!-- b");
    }

    #[test]
    fn code_cell_keeps_regex_visible() {
        assert_eq!(code_cell(r"(?:a|b)\s<x>"), r"`(?:a\|b)\s<x>`");
    }

    #[test]
    fn code_block_fence_outlasts_backticks() {
        assert_eq!(code_block("a ```` b"), "`````text\na ```` b\n`````");
    }

    #[test]
    fn code_block_shows_carriage_return() {
        assert_eq!(code_block("line\r"), "```text\nline\\r\n```");
    }

    #[test]
    fn push_visible_str_matches_each_char() {
        let text = "a\0b\r\u{1b}c\u{7f}\u{85}\u{9f}\u{a0}é|\u{2028}\t";
        let mut expected = String::new();
        for c in text.chars() {
            push_visible(&mut expected, c);
        }
        let mut actual = String::new();
        push_visible_str(&mut actual, text);
        assert_eq!(actual, expected);
    }

    #[test]
    fn is_plain_cell_matches_cell() {
        let cases = [
            "",
            "plain text",
            "é and ü",
            " lead",
            "trail ",
            "a|b",
            "a\nb",
            "a\rb",
            "a\u{1}",
            "a\u{85}b",
            "a\u{a0}",
            "\u{a0}a",
            "R-0001",
            "x_y",
            "a<b",
            "[x]",
        ];
        for text in cases {
            assert_eq!(is_plain_cell(text), cell(text) == text, "{text:?}");
        }
    }

    #[test]
    fn code_span_pads_backtick_edges() {
        assert_eq!(code("`a`"), "`` `a` ``");
        assert_eq!(code(""), "`  `");
        assert_eq!(code_cell("a|\nb"), "`a\\| b`");
    }

    #[test]
    fn inline_joins_words_and_escapes() {
        assert_eq!(inline("  a\t*b*\n [c] "), "a \\*b\\* \\[c\\]");
    }
}
