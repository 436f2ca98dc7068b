//! Parsers of one product and their samples.
//!
//! A sample's log line is written from field values, and its expectations
//! are worked out from the same values with the parser engine's rules: the
//! first regex (in list order) that captures a field wins, field copies run
//! after the regexes and never overwrite, and the event type is the claimed
//! one whose classification entries all hold, with the most entries.

use std::collections::{BTreeMap, HashSet};

use rand::RngExt;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use super::files::{ParserFile, SampleFile};
use super::pools::Pool;
use super::products::ProductPlan;
use super::specs::{Spec, Style};
use super::taxonomy::{DIRECTION, EVENT_NAME, EventTypePlan, OUTCOME};
use super::time::FORMATS;
use super::values::Kind;
use super::words::SUBJECTS;

/// Samples written per parser.
const SAMPLES: usize = 3;

/// Field copies a parser may declare, `source->target`.
const COPIES: &[(&str, &str)] = &[
    ("src_ip", "source_address"),
    ("dst_ip", "dest_address"),
    ("user", "actor"),
    ("src_user", "user"),
    ("sender", "user"),
    ("dst_host", "dest"),
    ("alert_name", "rule"),
    ("file_path", "object"),
    ("process", "image"),
    ("email", "user"),
    ("account", "user"),
];

/// What a parser is about: its product, subject and claimed event types.
pub struct ParserTopic<'a> {
    pub product: &'a ProductPlan,
    pub id: String,
    pub code: String,
    pub event_types: Vec<&'a EventTypePlan>,
}

/// One regex of a parser: the line header (time and host) or a field spec.
enum Entry {
    Header,
    Field(Spec),
}

/// A fallback: a later regex for a field that an earlier one already reads.
struct Fallback {
    primary: usize,
    secondary: usize,
}

/// Builds the parser file of `topic`, drawing body regexes from `common` and the product pool.
pub fn parser(rng: &mut ChaCha8Rng, topic: &ParserTopic<'_>, common: &Pool) -> anyhow::Result<ParserFile> {
    let product = topic.product;
    let transport = product.transports.choose(rng).unwrap();
    let format = &FORMATS[transport.format];
    let (entries, fallback) = entries(rng, topic, common);
    let mut order: Vec<usize> = (1..entries.len()).collect();
    order.shuffle(rng);
    let copies = copies(rng, &entries);
    let header = header_regex(product, transport.pri, format.class);
    let fields = entries
        .iter()
        .map(|entry| match entry {
            Entry::Header => header.clone(),
            Entry::Field(spec) => spec.regex(),
        })
        .collect();
    let mut samples = Vec::with_capacity(SAMPLES);
    for number in 0..SAMPLES {
        let event_type = topic.event_types[number % topic.event_types.len()];
        let line = Line {
            topic,
            entries: &entries,
            order: &order,
            fallback: fallback.as_ref(),
            pri: transport.pri,
        };
        samples.push(line.sample(rng, format, event_type, &copies)?);
    }
    let event_name_key = match &entries[1] {
        Entry::Field(spec) => condition_of(spec),
        Entry::Header => unreachable!("the event name spec follows the header"),
    };
    let mut conditions = vec![format!("{}:", product.token), format!("[{}]", topic.code)];
    if rng.random_bool(0.5) {
        conditions.push(event_name_key);
    }
    Ok(ParserFile {
        id: topic.id.clone(),
        data_type: SUBJECTS[topic.event_types[0].subject].slug.to_string(),
        lms: transport.lms.to_string(),
        time_format: format.java.to_string(),
        conditions,
        fields,
        field_copies: copies.iter().map(|(s, t)| format!("{s}->{t}")).collect(),
        event_types: topic.event_types.iter().map(|e| e.id.clone()).collect(),
        samples,
    })
}

fn header_regex(product: &ProductPlan, pri: bool, class: &str) -> String {
    let pri = if pri { r"<\d{1,3}>" } else { "" };
    format!(r"^{pri}({{time}}{class})\s({{host}}[\w.-]+)\s{}:", product.token)
}

/// Returns the literal text of a spec's key as it appears in the line.
fn condition_of(spec: &Spec) -> String {
    match spec.style {
        Style::Pair => format!("{}=", spec.key),
        Style::QuotedPair => format!("{}=\"", spec.key),
        Style::Json => format!("\"{}\":", spec.key),
    }
}

/// Chooses the regexes: the header, the classification fields the claimed
/// event types use, then body fields with distinct fields and keys.
fn entries(rng: &mut ChaCha8Rng, topic: &ParserTopic<'_>, common: &Pool) -> (Vec<Entry>, Option<Fallback>) {
    let product = topic.product;
    let mut entries = vec![Entry::Header, Entry::Field(product.classifiers[0].clone())];
    for (field, spec) in [(DIRECTION, &product.classifiers[1]), (OUTCOME, &product.classifiers[2])] {
        if topic.event_types.iter().any(|e| e.classification.contains_key(field)) {
            entries.push(Entry::Field(spec.clone()));
        }
    }
    let drawn = if rng.random_bool(0.5) {
        rng.random_range(5..=10)
    } else {
        rng.random_range(10..=28)
    };
    let total = drawn.max(entries.len() + 1);
    let mut fields: HashSet<&str> = ["time", "host", EVENT_NAME, DIRECTION, OUTCOME].into();
    let mut keys: HashSet<String> = product.classifiers.iter().map(|s| s.key.clone()).collect();
    let mut attempts = 0;
    while entries.len() < total && attempts < 200 {
        attempts += 1;
        let pool = if rng.random_bool(0.3) { common } else { &product.pool };
        let spec = pool.draw(rng);
        if fields.contains(spec.field) || keys.contains(&spec.key) {
            continue;
        }
        fields.insert(spec.field);
        keys.insert(spec.key.clone());
        entries.push(Entry::Field(spec.clone()));
    }
    let fallback = rng
        .random_bool(0.05)
        .then(|| add_fallback(rng, &mut entries, &keys, common, product))
        .flatten();
    (entries, fallback)
}

fn add_fallback(
    rng: &mut ChaCha8Rng,
    entries: &mut Vec<Entry>,
    keys: &HashSet<String>,
    common: &Pool,
    product: &ProductPlan,
) -> Option<Fallback> {
    let primary = rng.random_range(2..entries.len().max(3)).min(entries.len() - 1);
    let Entry::Field(first) = &entries[primary] else {
        return None;
    };
    let candidates: Vec<&Spec> = common
        .specs
        .iter()
        .chain(&product.pool.specs)
        .filter(|s| s.field == first.field && !keys.contains(&s.key))
        .collect();
    let second = (*candidates.choose(rng)?).clone();
    let secondary = rng.random_range(primary + 1..=entries.len());
    entries.insert(secondary, Entry::Field(second));
    Some(Fallback { primary, secondary })
}

fn copies(rng: &mut ChaCha8Rng, entries: &[Entry]) -> Vec<(&'static str, &'static str)> {
    if !rng.random_bool(0.4) {
        return Vec::new();
    }
    let captured: HashSet<&str> = entries
        .iter()
        .filter_map(|e| match e {
            Entry::Field(spec) => Some(spec.field),
            Entry::Header => None,
        })
        .collect();
    let mut chosen: Vec<(&str, &str)> = Vec::new();
    for &(source, target) in COPIES {
        if captured.contains(source) && chosen.iter().all(|&(_, t)| t != target) && chosen.len() < 2 {
            chosen.push((source, target));
        }
    }
    chosen
}

/// Writes the log lines of one parser.
struct Line<'a> {
    topic: &'a ParserTopic<'a>,
    entries: &'a [Entry],
    order: &'a [usize],
    fallback: Option<&'a Fallback>,
    pri: bool,
}

impl Line<'_> {
    fn sample(
        &self,
        rng: &mut ChaCha8Rng,
        format: &super::time::TimeFormat,
        event_type: &EventTypePlan,
        copies: &[(&str, &str)],
    ) -> anyhow::Result<SampleFile> {
        let stamp = format.stamp(rng);
        let host = Kind::Host.value(rng, true);
        let values: Vec<Option<String>> = self.entries.iter().map(|e| self.value(rng, e, event_type)).collect();
        let present = self.presence(rng);
        let segments: Vec<String> = self
            .order
            .iter()
            .filter(|&&i| present[i])
            .filter_map(|&i| match &self.entries[i] {
                Entry::Field(spec) => values[i].as_ref().map(|v| spec.segment(v)),
                Entry::Header => None,
            })
            .collect();
        let product = self.topic.product;
        let pri = if self.pri {
            format!("<{}>", rng.random_range(8..192))
        } else {
            String::new()
        };
        let body = if product.json {
            format!("{{{}}}", segments.join(", "))
        } else {
            segments.join(" ")
        };
        let log = format!(
            "{pri}{} {host} {}: [{}] {body}",
            stamp.text, product.token, self.topic.code
        );

        let mut expect = BTreeMap::from([("time".to_string(), stamp.text), ("host".to_string(), host)]);
        for (i, entry) in self.entries.iter().enumerate() {
            if let (Entry::Field(spec), Some(value), true) = (entry, &values[i], present[i]) {
                expect.entry(spec.field.to_string()).or_insert_with(|| value.clone());
            }
        }
        for &(source, target) in copies {
            if let Some(value) = expect.get(source).cloned() {
                expect.entry(target.to_string()).or_insert(value);
            }
        }
        check_classification(&expect, &self.topic.event_types, event_type)?;
        Ok(SampleFile {
            log,
            event_type: event_type.id.clone(),
            time: stamp.utc,
            expect,
        })
    }

    fn value(&self, rng: &mut ChaCha8Rng, entry: &Entry, event_type: &EventTypePlan) -> Option<String> {
        let Entry::Field(spec) = entry else { return None };
        let class = &event_type.classification;
        Some(match spec.field {
            EVENT_NAME => class[EVENT_NAME].clone(),
            DIRECTION => class.get(DIRECTION).cloned().unwrap_or_else(|| "internal".into()),
            OUTCOME => class.get(OUTCOME).cloned().unwrap_or_else(|| "success".into()),
            _ => spec.kind.value(rng, spec.plain_values()),
        })
    }

    /// Decides which regexes find their key in the line: all of them, except
    /// that a fallback pair shows both keys, only the first or only the second.
    fn presence(&self, rng: &mut ChaCha8Rng) -> Vec<bool> {
        let mut present = vec![true; self.entries.len()];
        if let Some(fallback) = self.fallback {
            match rng.random_range(0..3) {
                0 => present[fallback.primary] = false,
                1 => present[fallback.secondary] = false,
                _ => {}
            }
        }
        present
    }
}

/// Checks that `expected`, the parsed fields, classify as `wanted` among `claimed`.
fn check_classification(
    expected: &BTreeMap<String, String>,
    claimed: &[&EventTypePlan],
    wanted: &EventTypePlan,
) -> anyhow::Result<()> {
    let holds = |e: &EventTypePlan| e.classification.iter().all(|(k, v)| expected.get(k) == Some(v));
    let best = claimed
        .iter()
        .filter(|e| holds(e))
        .map(|e| e.classification.len())
        .max();
    let winners: Vec<&str> = claimed
        .iter()
        .filter(|e| holds(e) && Some(e.classification.len()) == best)
        .map(|e| e.id.as_str())
        .collect();
    anyhow::ensure!(
        winners == [wanted.id.as_str()],
        "generated sample for {} classifies as {winners:?}",
        wanted.id
    );
    Ok(())
}
