//! View of a parser page: its definition and its samples.

use serde::Serialize;

use super::common::*;
use crate::catalogue::Catalogue;
use crate::render::paths::PageRef;

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
    pub fields: Vec<FieldValue>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FieldValue {
    pub name: String,
    pub value: String,
}

impl ParserView {
    /// Builds the view of parser `index`.
    pub fn new(catalogue: &Catalogue, index: usize, linker: &Linker) -> Self {
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
                .map(|(i, sample)| SampleView {
                    number: i + 1,
                    log: sample.log.value.clone(),
                    event_type: sample.event_type.value.clone(),
                    time: sample.time.as_ref().map(|t| t.value.clone()),
                    fields: sample
                        .expect
                        .iter()
                        .map(|(name, value)| FieldValue {
                            name: name.clone(),
                            value: value.value.clone(),
                        })
                        .collect(),
                })
                .collect(),
            source: catalogue.relative_path(&parser.source.file),
        }
    }
}
