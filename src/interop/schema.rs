//! JSON Schemas (draft 2020-12) of the content files, generated from the raw
//! types in [`crate::load::raw`] so that they cannot drift from the loader.

use schemars::{JsonSchema, Schema, SchemaGenerator, generate::SchemaSettings};
use serde_json::Value;

use crate::load::FileKind;
use crate::load::raw::*;
use crate::render::Page;

/// One kind of content file, with its own schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SchemaKind {
    Settings,
    Vendor,
    Product,
    Category,
    UseCase,
    ActivityType,
    EventType,
    Parser,
    Rule,
    Model,
}

impl SchemaKind {
    /// Every kind, in the order the documentation lists them.
    pub const ALL: [SchemaKind; 10] = [
        SchemaKind::Settings,
        SchemaKind::Vendor,
        SchemaKind::Product,
        SchemaKind::Category,
        SchemaKind::UseCase,
        SchemaKind::ActivityType,
        SchemaKind::EventType,
        SchemaKind::Parser,
        SchemaKind::Rule,
        SchemaKind::Model,
    ];

    /// Returns the kebab-case name used in schema file names.
    pub fn name(self) -> &'static str {
        match self {
            SchemaKind::Settings => "settings",
            SchemaKind::Vendor => "vendor",
            SchemaKind::Product => "product",
            SchemaKind::Category => "category",
            SchemaKind::UseCase => "use-case",
            SchemaKind::ActivityType => "activity-type",
            SchemaKind::EventType => "event-type",
            SchemaKind::Parser => "parser",
            SchemaKind::Rule => "rule",
            SchemaKind::Model => "model",
        }
    }

    /// Returns the schema's file name, `<kind>.schema.json`.
    pub fn file_name(self) -> String {
        format!("{}.schema.json", self.name())
    }

    /// Returns the glob of the content files of this kind, relative to the content folder.
    pub fn glob(self) -> &'static str {
        match self {
            SchemaKind::Settings => "contentdoc.yaml",
            SchemaKind::Vendor => "vendors/*/vendor.yaml",
            SchemaKind::Product => "vendors/*/*/product.yaml",
            SchemaKind::Category => "categories/*.yaml",
            SchemaKind::UseCase => "use-cases/*.yaml",
            SchemaKind::ActivityType => "activity-types/*.yaml",
            SchemaKind::EventType => "event-types/*.yaml",
            SchemaKind::Parser => "vendors/*/*/parsers/*.yaml",
            SchemaKind::Rule => "rules/*.yaml",
            SchemaKind::Model => "models/*.yaml",
        }
    }

    /// Returns the kind of schema that applies to a file of `kind`.
    pub fn of_file(kind: &FileKind) -> SchemaKind {
        match kind {
            FileKind::Settings => SchemaKind::Settings,
            FileKind::Vendor { .. } => SchemaKind::Vendor,
            FileKind::Product { .. } => SchemaKind::Product,
            FileKind::Parser { .. } => SchemaKind::Parser,
            FileKind::Category => SchemaKind::Category,
            FileKind::UseCase => SchemaKind::UseCase,
            FileKind::ActivityType => SchemaKind::ActivityType,
            FileKind::EventType => SchemaKind::EventType,
            FileKind::Rule => SchemaKind::Rule,
            FileKind::Model => SchemaKind::Model,
        }
    }

    fn title(self) -> &'static str {
        match self {
            SchemaKind::Settings => "contentdoc catalogue settings",
            SchemaKind::Vendor => "contentdoc vendor",
            SchemaKind::Product => "contentdoc product",
            SchemaKind::Category => "contentdoc category",
            SchemaKind::UseCase => "contentdoc use case",
            SchemaKind::ActivityType => "contentdoc activity type",
            SchemaKind::EventType => "contentdoc event type",
            SchemaKind::Parser => "contentdoc parser",
            SchemaKind::Rule => "contentdoc rule",
            SchemaKind::Model => "contentdoc behavioural model",
        }
    }

    /// Generates the schema of this kind.
    pub fn schema(self) -> Value {
        let mut generator = SchemaGenerator::new(SchemaSettings::draft2020_12());
        let mut schema = match self {
            SchemaKind::Settings => root::<RawSettings>(&mut generator),
            SchemaKind::Vendor => root::<RawVendor>(&mut generator),
            SchemaKind::Product => root::<RawProduct>(&mut generator),
            SchemaKind::Category | SchemaKind::UseCase | SchemaKind::ActivityType => root::<RawNamed>(&mut generator),
            SchemaKind::EventType => root::<RawEventType>(&mut generator),
            SchemaKind::Parser => root::<RawParser>(&mut generator),
            SchemaKind::Rule => root::<RawRule>(&mut generator),
            SchemaKind::Model => root::<RawModel>(&mut generator),
        };
        // Categories, use cases and activity types share one Rust type, so the
        // title and description are set per kind rather than taken from it.
        schema.insert("title".into(), self.title().into());
        schema.insert(
            "description".into(),
            format!("A file matching `{}` in the content folder.", self.glob()).into(),
        );
        schema.to_value()
    }
}

fn root<T: JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    generator.root_schema_for::<T>()
}

/// Returns the schema files of every kind as pages under `dir`, pretty-printed.
pub fn schema_pages(dir: &str) -> anyhow::Result<Vec<Page>> {
    SchemaKind::ALL
        .iter()
        .map(|kind| {
            let mut text = serde_json::to_string_pretty(&kind.schema())?;
            text.push('\n');
            Ok(Page {
                path: format!("{dir}/{}", kind.file_name()),
                content: text.into_bytes(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_schema_has_id_pattern() {
        let schema = SchemaKind::Rule.schema();
        assert_eq!(schema["properties"]["id"]["pattern"], CONVENTIONAL_ID_PATTERN);
        assert_eq!(schema["properties"]["id"]["type"], "string");
        assert_eq!(schema["additionalProperties"], false);
    }

    #[test]
    fn schemas_use_draft_2020_12() {
        for kind in SchemaKind::ALL {
            let schema = kind.schema();
            assert_eq!(
                schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
                "{kind:?}"
            );
        }
    }

    #[test]
    fn every_property_has_description() {
        for kind in SchemaKind::ALL {
            let schema = kind.schema();
            let mut objects = vec![&schema];
            objects.extend(
                schema
                    .get("$defs")
                    .into_iter()
                    .flat_map(|d| d.as_object().unwrap().values()),
            );
            for object in objects {
                let Some(properties) = object.get("properties") else {
                    continue;
                };
                for (name, property) in properties.as_object().unwrap() {
                    let description = property.get("description").and_then(Value::as_str);
                    assert!(
                        description.is_some_and(|d| !d.is_empty()),
                        "{kind:?}.{name} has no description"
                    );
                }
            }
        }
    }
}
