//! `contentdoc parse`: parse log lines with the content's parsers and
//! print one JSON object per line.
//!
//! Lines are read as bytes of any length. A trailing `\r\n` or `\n` is
//! removed, and bytes that are not valid UTF-8 become U+FFFD and are
//! counted. A time without a year takes the current year, see
//! [`crate::samples::time`].

mod summary;

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::Path;

use std::time::SystemTime;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

use super::Status;
use super::pipeline::{ignore_closed_stdout, load_catalogue};
use crate::cli::ParseArgs;
use crate::engine::set::ParserSet;
use crate::engine::time::TimeContext;
use crate::load::raw::RawEventType;
use crate::samples::TimeSettings;
use crate::suggest::closest;
use summary::Summary;

/// One output line. Field order is the output's key order.
#[derive(Serialize)]
struct ParsedLine<'a> {
    line: u64,
    parser: Option<&'a str>,
    event_type: Option<&'a str>,
    time: Option<String>,
    fields: &'a std::collections::BTreeMap<String, String>,
}

/// Parses the input lines; content errors give [`Status::Findings`].
pub fn run(args: &ParseArgs) -> anyhow::Result<Status> {
    let loaded = load_catalogue(&args.content)?;
    let (time, zone_error) = TimeSettings::from_content(&loaded.raw);
    let errors: Vec<_> = loaded
        .diagnostics
        .iter()
        .chain(&zone_error)
        .filter(|d| d.severity == crate::diag::Severity::Error)
        .cloned()
        .collect();
    if !errors.is_empty() {
        anstream::eprint!("{}", crate::diag::render_human_styled(&errors, &loaded.raw.sources));
        return Ok(Status::Findings);
    }
    let set = parser_set(&loaded.raw, args.parser.as_deref())?;
    let context = time.for_logs(DateTime::<Utc>::from(SystemTime::now()));

    let mut summary = Summary::default();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    ignore_closed_stdout(parse_inputs(&args.files, &set, &context, &mut summary, &mut out))?;
    eprint!("{}", summary.render());
    Ok(Status::Clean)
}

/// Parses standard input, or each of `files` in turn, into `out`. Errors
/// keep the kind of the I/O error, so a closed standard output can be recognised.
fn parse_inputs(
    files: &[std::path::PathBuf],
    set: &ParserSet,
    context: &TimeContext,
    summary: &mut Summary,
    out: &mut impl Write,
) -> io::Result<()> {
    if files.is_empty() {
        parse_stream(&mut io::stdin().lock(), set, context, summary, out)?;
    }
    for path in files {
        let file = File::open(path)
            .map_err(|error| io::Error::new(error.kind(), format!("cannot open {}: {error}", path.display())))?;
        parse_stream(&mut BufReader::new(file), set, context, summary, out).map_err(|error| {
            io::Error::new(
                error.kind(),
                format!("cannot read {}: {error}", Path::new(path).display()),
            )
        })?;
    }
    out.flush()
}

/// Compiles all parsers, or only the one named `only`.
fn parser_set(raw: &crate::load::RawContent, only: Option<&str>) -> anyhow::Result<ParserSet> {
    let definitions: Vec<_> = raw
        .parsers
        .iter()
        .map(|p| &p.parser.value)
        .filter(|p| only.is_none_or(|id| p.id.value == id))
        .cloned()
        .collect();
    if let Some(id) = only
        && definitions.is_empty()
    {
        let ids = raw.parsers.iter().map(|p| p.parser.value.id.value.as_str());
        let hint = closest(id, ids)
            .map(|best| format!("; did you mean `{best}`?"))
            .unwrap_or_default();
        anyhow::bail!("no parser has the id `{id}`{hint}");
    }
    let event_types: Vec<RawEventType> = raw.event_types.iter().map(|e| e.value.clone()).collect();
    Ok(ParserSet::new(&definitions, &event_types)?)
}

/// Parses every line of `input` and writes one JSON object per line.
fn parse_stream(
    input: &mut impl BufRead,
    set: &ParserSet,
    context: &TimeContext,
    summary: &mut Summary,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut buffer = Vec::new();
    loop {
        buffer.clear();
        if input.read_until(b'\n', &mut buffer)? == 0 {
            return Ok(());
        }
        let number = summary.read_line(std::str::from_utf8(&buffer).is_err());
        let parse = set.parse(&buffer, context);
        let empty = std::collections::BTreeMap::new();
        let (parser, event) = match &parse.result {
            Some(Ok(event)) => (Some(event.parser.as_str()), Some(event)),
            Some(Err(error)) => {
                eprintln!("line {number}: {error}");
                (parse.candidates.first().map(|p| p.id()), None)
            }
            None => (None, None),
        };
        summary.record(parser, event.is_some());
        let line = ParsedLine {
            line: number,
            parser,
            event_type: event.and_then(|e| e.event_type.event_type()),
            time: event
                .and_then(|e| e.time)
                .map(|t| t.to_rfc3339_opts(SecondsFormat::AutoSi, true)),
            fields: event.map_or(&empty, |e| &e.fields),
        };
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
    }
}
