//! The entity kinds of the export and the role of their fields, which the
//! diff uses to tell authored fields from derived ones.

/// One list of entities in the [`super::Export`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    Vendor,
    Product,
    Parser,
    Category,
    UseCase,
    ActivityType,
    EventType,
    Rule,
    Model,
}

impl EntityKind {
    /// Every kind, in the order reports list them.
    pub const ALL: [EntityKind; 9] = [
        EntityKind::Vendor,
        EntityKind::Product,
        EntityKind::Parser,
        EntityKind::Category,
        EntityKind::UseCase,
        EntityKind::ActivityType,
        EntityKind::EventType,
        EntityKind::Rule,
        EntityKind::Model,
    ];

    /// Returns the key of the kind's list in the export document.
    pub fn key(self) -> &'static str {
        match self {
            EntityKind::Vendor => "vendors",
            EntityKind::Product => "products",
            EntityKind::Parser => "parsers",
            EntityKind::Category => "categories",
            EntityKind::UseCase => "use_cases",
            EntityKind::ActivityType => "activity_types",
            EntityKind::EventType => "event_types",
            EntityKind::Rule => "rules",
            EntityKind::Model => "models",
        }
    }

    /// Returns the singular name used in messages and reports, such as `use case`.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Vendor => "vendor",
            EntityKind::Product => "product",
            EntityKind::Parser => "parser",
            EntityKind::Category => "category",
            EntityKind::UseCase => "use case",
            EntityKind::ActivityType => "activity type",
            EntityKind::EventType => "event type",
            EntityKind::Rule => "rule",
            EntityKind::Model => "model",
        }
    }

    /// Returns the fields computed from other entities rather than written in
    /// this entity's file. `source` is left out too, since it is a location.
    pub fn derived_fields(self) -> &'static [&'static str] {
        match self {
            EntityKind::Vendor => &["products", "source"],
            EntityKind::Product => &["parsers", "event_types", "coverage", "source"],
            EntityKind::Parser => &["source"],
            EntityKind::Category => &["products", "source"],
            EntityKind::UseCase => &["rules", "products", "source"],
            EntityKind::ActivityType => &["rules", "source"],
            EntityKind::EventType => &["parsers", "products", "rules", "models", "source"],
            EntityKind::Rule => &["products", "source"],
            EntityKind::Model => &["rules", "source"],
        }
    }

    /// Returns the key that `field` of the export has in this kind's content
    /// files, where the two differ: a rule's `techniques` are written as `attack`.
    pub fn content_key(self, field: &str) -> &str {
        match (self, field) {
            (EntityKind::Rule, "techniques") => "attack",
            _ => field,
        }
    }

    /// Returns the authored fields that hold ids of another kind, as
    /// (field, kind of the ids) pairs. The field contains one id or a list of ids.
    pub fn references(self) -> &'static [(&'static str, EntityKind)] {
        match self {
            EntityKind::Product => &[("vendor", EntityKind::Vendor), ("categories", EntityKind::Category)],
            EntityKind::Parser => &[
                ("vendor", EntityKind::Vendor),
                ("product", EntityKind::Product),
                ("event_types", EntityKind::EventType),
            ],
            EntityKind::Rule => &[
                ("use_cases", EntityKind::UseCase),
                ("activity_type", EntityKind::ActivityType),
                ("event_types", EntityKind::EventType),
                ("models", EntityKind::Model),
            ],
            EntityKind::Model => &[("event_types", EntityKind::EventType)],
            _ => &[],
        }
    }
}
