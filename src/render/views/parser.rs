//! View of a parser page: its definition and its samples.

use std::collections::BTreeMap;

use serde::Serialize;

use super::common::*;
use crate::catalogue::Catalogue;
use crate::load::raw::{RawSample, Text};
use crate::render::paths::PageRef;
use crate::samples::{ParserRun, SampleCheck};

/// The page of one parser. Its text is borrowed from the catalogue and the
/// sample run, because parser pages are the most numerous.
#[derive(Debug, Clone, Serialize)]
pub struct ParserView<'a> {
    pub id: &'a str,
    pub breadcrumbs: Vec<Link>,
    pub product: Link,
    pub data_type: Option<&'a str>,
    pub lms: Option<&'a str>,
    pub time_format: Option<&'a str>,
    pub conditions: Vec<&'a str>,
    pub fields: Vec<&'a str>,
    pub field_copies: Vec<&'a str>,
    pub event_types: Vec<&'a str>,
    pub samples: Vec<SampleView<'a>>,
    /// Content file the parser is defined in.
    pub source: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SampleView<'a> {
    pub number: usize,
    pub log: &'a str,
    pub event_type: &'a str,
    pub time: Option<&'a str>,
    /// Expected and parsed fields, by name.
    pub fields: Vec<FieldValue<'a>>,
    /// Result of the sample check, when the samples were checked.
    pub result: Option<SampleOutcome>,
}

/// A field of a sample: the expected value and what the parser extracted.
#[derive(Debug, Clone, Serialize)]
pub struct FieldValue<'a> {
    pub name: &'a str,
    /// Expected value, or `None` when the sample does not expect the field.
    pub value: Option<&'a str>,
    /// Parsed value, or `None` when the parse did not give the field or
    /// the samples were not checked.
    pub parsed: Option<&'a str>,
}

/// Outcome of a sample check as shown on the page.
#[derive(Debug, Clone, Serialize)]
pub struct SampleOutcome {
    pub passed: bool,
    /// Reason the sample failed, empty when it passed.
    pub reason: String,
}

impl<'a> ParserView<'a> {
    /// Builds the view of parser `index`.
    /// `checks` are the sample checks of this parser, if they were run.
    pub fn new(catalogue: &'a Catalogue, index: usize, linker: &Linker, checks: Option<&'a ParserRun>) -> Self {
        let parser = &catalogue.parsers[index];
        let raw = &parser.definition;
        let texts = |list: &'a [Text]| list.iter().map(|t| t.value.as_str()).collect();
        let product_title = product_title(catalogue, parser.product);
        ParserView {
            id: &parser.id,
            breadcrumbs: vec![
                linker.link("Catalogue", &PageRef::Landing),
                linker.link("Data sources", &PageRef::DataSources),
                linker.link(&product_title, &product_page(catalogue, parser.product)),
            ],
            product: linker.link(&product_title, &product_page(catalogue, parser.product)),
            data_type: raw.data_type.as_ref().map(|t| t.value.as_str()),
            lms: raw.lms.as_ref().map(|t| t.value.as_str()),
            time_format: raw.time_format.as_ref().map(|t| t.value.as_str()),
            conditions: texts(&raw.conditions),
            fields: texts(&raw.fields),
            field_copies: texts(&raw.field_copies),
            event_types: parser
                .event_types
                .iter()
                .map(|&e| catalogue.event_types[e].id.as_str())
                .collect(),
            samples: raw
                .samples
                .iter()
                .enumerate()
                .map(|(i, sample)| sample_view(i, sample, checks.and_then(|run| run.samples.get(i))))
                .collect(),
            source: catalogue.relative_path(&parser.source.file),
        }
    }
}

fn sample_view<'a>(index: usize, sample: &'a RawSample, check: Option<&'a SampleCheck>) -> SampleView<'a> {
    let parsed = check
        .and_then(|check| check.result.event.as_ref())
        .map(|event| &event.fields);
    SampleView {
        number: index + 1,
        log: &sample.log.value,
        event_type: &sample.event_type.value,
        time: sample.time.as_ref().map(|t| t.value.as_str()),
        fields: merge_fields(&sample.expect, parsed),
        result: check.map(|check| SampleOutcome {
            passed: check.passed(),
            reason: check.failures.join("; "),
        }),
    }
}

/// Lists every field that is expected or parsed, by name, from the two maps
/// that are both sorted by name.
fn merge_fields<'a>(
    expected: &'a BTreeMap<String, Text>,
    parsed: Option<&'a BTreeMap<String, String>>,
) -> Vec<FieldValue<'a>> {
    let mut fields = Vec::with_capacity(expected.len());
    let mut expected = expected.iter().peekable();
    let mut parsed = parsed.into_iter().flatten().peekable();
    loop {
        let name = match (expected.peek(), parsed.peek()) {
            (None, None) => break,
            (Some(&(name, _)), None) | (None, Some(&(name, _))) => name,
            (Some(&(expected_name, _)), Some(&(parsed_name, _))) => expected_name.min(parsed_name),
        };
        fields.push(FieldValue {
            name,
            value: expected.next_if(|&(n, _)| n == name).map(|(_, v)| v.value.as_str()),
            parsed: parsed.next_if(|&(n, _)| n == name).map(|(_, v)| v.as_str()),
        });
    }
    fields
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde_saphyr::{Location, Spanned};

    use super::merge_fields;

    #[test]
    fn merge_fields_lists_each_name_once() {
        let text = |value: &str| Spanned::new(value.to_string(), Location::UNKNOWN, Location::UNKNOWN);
        let expected = BTreeMap::from([("a".to_string(), text("1")), ("c".to_string(), text("3"))]);
        let parsed = BTreeMap::from([("b".to_string(), "2".to_string()), ("c".to_string(), "4".to_string())]);
        let fields = merge_fields(&expected, Some(&parsed));
        let rows: Vec<(&str, Option<&str>, Option<&str>)> =
            fields.iter().map(|f| (f.name, f.value, f.parsed)).collect();
        assert_eq!(
            rows,
            [
                ("a", Some("1"), None),
                ("b", None, Some("2")),
                ("c", Some("3"), Some("4"))
            ]
        );
    }

    #[test]
    fn merge_fields_without_parse() {
        let expected = BTreeMap::from([(
            "a".to_string(),
            Spanned::new("1".to_string(), Location::UNKNOWN, Location::UNKNOWN),
        )]);
        let fields = merge_fields(&expected, None);
        assert_eq!(fields.len(), 1);
        assert_eq!(fields[0].value, Some("1"));
        assert_eq!(fields[0].parsed, None);
    }
}
