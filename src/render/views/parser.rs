//! View of a parser page: its definition and its samples.

use serde::Serialize;

use super::common::*;
use crate::catalogue::Catalogue;
use crate::load::raw::RawSample;
use crate::render::paths::PageRef;
use crate::samples::{ParserRun, SampleCheck};

#[derive(Debug, Clone, Serialize)]
pub struct ParserView {
    pub id: String,
    pub breadcrumbs: Vec<Link>,
    pub product: Link,
    pub data_type: Option<String>,
    pub lms: Option<String>,
    pub time_format: Option<String>,
    pub conditions: Vec<String>,
    pub fields: Vec<String>,
    pub field_copies: Vec<String>,
    pub event_types: Vec<String>,
    pub samples: Vec<SampleView>,
    /// Content file the parser is defined in.
    pub source: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SampleView {
    pub number: usize,
    pub log: String,
    pub event_type: String,
    pub time: Option<String>,
    /// Expected and parsed fields, by name.
    pub fields: Vec<FieldValue>,
    /// Result of the sample check, when the samples were checked.
    pub result: Option<SampleOutcome>,
}

/// A field of a sample: the expected value and what the parser extracted.
#[derive(Debug, Clone, Serialize)]
pub struct FieldValue {
    pub name: String,
    /// Expected value, or `None` when the sample does not expect the field.
    pub value: Option<String>,
    /// Parsed value, or `None` when the parse did not give the field or
    /// the samples were not checked.
    pub parsed: Option<String>,
}

/// Outcome of a sample check as shown on the page.
#[derive(Debug, Clone, Serialize)]
pub struct SampleOutcome {
    pub passed: bool,
    /// Reason the sample failed, empty when it passed.
    pub reason: String,
}

impl ParserView {
    /// Builds the view of parser `index`.
    /// `checks` are the sample checks of this parser, if they were run.
    pub fn new(catalogue: &Catalogue, index: usize, linker: &Linker, checks: Option<&ParserRun>) -> Self {
        let parser = &catalogue.parsers[index];
        let raw = &parser.definition;
        let texts = |list: &[crate::load::raw::Text]| list.iter().map(|t| t.value.clone()).collect();
        let product_title = product_title(catalogue, parser.product);
        ParserView {
            id: parser.id.clone(),
            breadcrumbs: vec![
                linker.link("Catalogue", &PageRef::Landing),
                linker.link("Data sources", &PageRef::DataSources),
                linker.link(&product_title, &product_page(catalogue, parser.product)),
            ],
            product: linker.link(&product_title, &product_page(catalogue, parser.product)),
            data_type: raw.data_type.as_ref().map(|t| t.value.clone()),
            lms: raw.lms.as_ref().map(|t| t.value.clone()),
            time_format: raw.time_format.as_ref().map(|t| t.value.clone()),
            conditions: texts(&raw.conditions),
            fields: texts(&raw.fields),
            field_copies: texts(&raw.field_copies),
            event_types: parser
                .event_types
                .iter()
                .map(|&e| catalogue.event_types[e].id.clone())
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

fn sample_view(index: usize, sample: &RawSample, check: Option<&SampleCheck>) -> SampleView {
    let parsed = check
        .and_then(|check| check.result.event.as_ref())
        .map(|event| &event.fields);
    let mut names: Vec<&String> = sample
        .expect
        .keys()
        .chain(parsed.into_iter().flat_map(|f| f.keys()))
        .collect();
    names.sort();
    names.dedup();
    SampleView {
        number: index + 1,
        log: sample.log.value.clone(),
        event_type: sample.event_type.value.clone(),
        time: sample.time.as_ref().map(|t| t.value.clone()),
        fields: names
            .into_iter()
            .map(|name| FieldValue {
                name: name.clone(),
                value: sample.expect.get(name).map(|value| value.value.clone()),
                parsed: parsed.and_then(|fields| fields.get(name)).cloned(),
            })
            .collect(),
        result: check.map(|check| SampleOutcome {
            passed: check.passed(),
            reason: check.failures.join("; "),
        }),
    }
}
