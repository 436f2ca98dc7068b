//! Resolution: raw definitions → [`Catalogue`] with checked references.
//!
//! Steps: sort each kind by id and drop duplicates (reporting them), index
//! the ids, build each entity while resolving its references, then derive
//! coverage. Dangling references are reported and left out, so the returned
//! catalogue is always consistent, and the diagnostics show whether it is whole.

use std::borrow::Cow;
use std::path::Path;

use super::ids::{IdIndex, IdStyle, check_id, describe_style};
use super::*;
use crate::diag::{Diagnostic, Position, codes};
use crate::load::raw::{RawEventType, RawModel, RawNamed, RawRule, Text};
use crate::load::{FileKind, Loaded, LoadedParser, LoadedProduct, RawContent};

/// Resolves `raw` against `attack`. Returns the catalogue and every problem found.
pub fn resolve(raw: &RawContent, attack: Cow<'static, AttackData>) -> (Catalogue, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let d = &mut diagnostics;

    let vendors = unique(
        "vendor",
        IdStyle::Slug,
        raw.vendors.iter().map(|(_, v)| (&v.file, &v.value.id, v)),
        d,
    );
    let products = unique_products(&raw.products, d);
    let parsers = unique(
        "parser",
        IdStyle::Slug,
        raw.parsers.iter().map(|p| (&p.parser.file, &p.parser.value.id, p)),
        d,
    );
    let categories = unique_named("category", &raw.categories, d);
    let use_cases = unique_named("use case", &raw.use_cases, d);
    let activity_types = unique_named("activity type", &raw.activity_types, d);
    let event_types = unique(
        "event type",
        IdStyle::Slug,
        raw.event_types.iter().map(|e| (&e.file, &e.value.id, e)),
        d,
    );
    let rules = unique(
        "rule",
        IdStyle::Conventional,
        raw.rules.iter().map(|r| (&r.file, &r.value.id, r)),
        d,
    );
    let models = unique(
        "model",
        IdStyle::Conventional,
        raw.models.iter().map(|m| (&m.file, &m.value.id, m)),
        d,
    );

    let unloaded = |wanted: fn(&FileKind) -> bool| -> Vec<String> {
        raw.unloaded
            .iter()
            .filter(|(kind, _)| wanted(kind))
            .map(|(_, id)| id.clone())
            .collect()
    };
    let index = Indexes {
        vendors: IdIndex::new("vendor", vendors.iter().map(|v| v.value.id.value.as_str()))
            .with_unloaded(unloaded(|k| matches!(k, FileKind::Vendor { .. }))),
        categories: IdIndex::new("category", categories.iter().map(|c| c.value.id.value.as_str()))
            .with_unloaded(unloaded(|k| *k == FileKind::Category)),
        use_cases: IdIndex::new("use case", use_cases.iter().map(|u| u.value.id.value.as_str()))
            .with_unloaded(unloaded(|k| *k == FileKind::UseCase)),
        activity_types: IdIndex::new(
            "activity type",
            activity_types.iter().map(|a| a.value.id.value.as_str()),
        )
        .with_unloaded(unloaded(|k| *k == FileKind::ActivityType)),
        event_types: IdIndex::new("event type", event_types.iter().map(|e| e.value.id.value.as_str()))
            .with_unloaded(unloaded(|k| *k == FileKind::EventType)),
        models: IdIndex::new("model", models.iter().map(|m| m.value.id.value.as_str()))
            .with_unloaded(unloaded(|k| *k == FileKind::Model)),
    };

    let products = build_products(&products, &index, d);
    let product_keys: Vec<(usize, &str)> = products.iter().map(|p| (p.vendor, p.id.as_str())).collect();
    let vendor_ids = vendor_ids(&vendors);
    let mut catalogue = Catalogue {
        settings: settings(raw),
        vendors: vendors.iter().map(|v| vendor(v)).collect(),
        parsers: parsers
            .iter()
            .filter_map(|p| build_parser(p, &index, &vendor_ids, &product_keys, d))
            .collect(),
        products,
        categories: categories.iter().map(|c| named(c)).collect(),
        use_cases: use_cases.iter().map(|u| named(u)).collect(),
        activity_types: activity_types.iter().map(|a| named(a)).collect(),
        event_types: event_types.iter().map(|e| event_type(e)).collect(),
        rules: rules.iter().filter_map(|r| build_rule(r, &index, &attack, d)).collect(),
        models: models.iter().map(|m| build_model(m, &index, d)).collect(),
        attack,
    };
    super::coverage::derive(&mut catalogue);
    (catalogue, diagnostics)
}

struct Indexes {
    vendors: IdIndex,
    categories: IdIndex,
    use_cases: IdIndex,
    activity_types: IdIndex,
    event_types: IdIndex,
    models: IdIndex,
}

fn vendor_ids<'a>(vendors: &[&'a Loaded<crate::load::raw::RawVendor>]) -> Vec<&'a str> {
    vendors.iter().map(|v| v.value.id.value.as_str()).collect()
}

/// Sorts definitions of one kind by id, checks each id, and keeps the first of duplicates.
fn unique<'a, T>(
    kind: &'static str,
    style: IdStyle,
    entries: impl Iterator<Item = (&'a std::path::PathBuf, &'a Text, &'a T)>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<&'a T> {
    let mut entries: Vec<_> = entries
        .filter(|(file, id, _)| check_definition_id(kind, style, file, id, diagnostics))
        .collect();
    entries.sort_by(|a, b| (&a.1.value, a.0).cmp(&(&b.1.value, b.0)));
    let mut kept: Vec<(&std::path::PathBuf, &Text, &T)> = Vec::with_capacity(entries.len());
    for entry in entries {
        match kept.last() {
            Some(previous) if previous.1.value == entry.1.value => {
                diagnostics.push(duplicate(kind, previous.0, entry.0, entry.1))
            }
            _ => kept.push(entry),
        }
    }
    kept.into_iter().map(|(_, _, value)| value).collect()
}

fn unique_named<'a>(
    kind: &'static str,
    entries: &'a [Loaded<RawNamed>],
    d: &mut Vec<Diagnostic>,
) -> Vec<&'a Loaded<RawNamed>> {
    unique(
        kind,
        IdStyle::Slug,
        entries.iter().map(|e| (&e.file, &e.value.id, e)),
        d,
    )
}

fn unique_products<'a>(products: &'a [LoadedProduct], d: &mut Vec<Diagnostic>) -> Vec<&'a LoadedProduct> {
    let mut kept = unique(
        "product",
        IdStyle::Slug,
        products.iter().map(|p| (&p.product.file, &p.product.value.id, p)),
        d,
    );
    kept.sort_by(|a, b| (&a.vendor_dir, &a.product.value.id.value).cmp(&(&b.vendor_dir, &b.product.value.id.value)));
    kept
}

fn duplicate(kind: &str, first: &Path, second: &Path, id: &Text) -> Diagnostic {
    Diagnostic::error(
        codes::DUPLICATE_ID,
        Position::of(second, &id.referenced),
        format!(
            "duplicate {kind} id `{}`, already defined in {}",
            id.value,
            first.display()
        ),
    )
    .with_help("give each definition its own id, or delete one of them")
}

/// Checks an id's syntax and that the file (or folder) is named after it.
fn check_definition_id(kind: &str, style: IdStyle, file: &Path, id: &Text, d: &mut Vec<Diagnostic>) -> bool {
    let position = Position::of(file, &id.referenced);
    if let Err(problem) = check_id(&id.value, style) {
        d.push(
            Diagnostic::error(
                codes::INVALID_ID,
                position,
                format!("invalid {kind} id `{}`: {problem}", id.value.escape_default()),
            )
            .with_help(format!("use {}", describe_style(style))),
        );
        return false;
    }
    let expected = name_from_path(file);
    if expected != Some(id.value.as_str()) {
        let (what, fix) = match file.file_name().and_then(|n| n.to_str()) {
            Some("vendor.yaml" | "product.yaml") => ("folder", format!("rename the folder to `{}`", id.value)),
            _ => ("file", format!("rename the file to `{}.yaml`", id.value)),
        };
        d.push(
            Diagnostic::error(
                codes::FILE_NAME_MISMATCH,
                position,
                format!(
                    "{kind} id `{}` does not match its {what} name `{}`",
                    id.value,
                    expected.unwrap_or("?")
                ),
            )
            .with_help(fix),
        );
    }
    true
}

/// Returns the name a definition's id must equal: the folder for vendor and
/// product files, the file stem otherwise.
fn name_from_path(file: &Path) -> Option<&str> {
    match file.file_name()?.to_str()? {
        "vendor.yaml" | "product.yaml" => file.parent()?.file_name()?.to_str(),
        _ => file.file_stem()?.to_str(),
    }
}

fn source(file: &Path, id: &Text) -> Source {
    Source {
        file: file.to_path_buf(),
        line: id.referenced.line(),
    }
}

fn settings(raw: &RawContent) -> Settings {
    let value = raw.settings.as_ref().map(|s| s.value.clone()).unwrap_or_default();
    Settings {
        title: value.title.unwrap_or_else(|| "Content catalogue".to_string()),
        description: value.description,
        base_url: value.base_url,
        content_root: raw.root.clone(),
    }
}

fn vendor(v: &Loaded<crate::load::raw::RawVendor>) -> Vendor {
    Vendor {
        id: v.value.id.value.clone(),
        name: v.value.name.value.clone(),
        description: v.value.description.clone(),
        url: v.value.url.clone(),
        products: Vec::new(),
        source: source(&v.file, &v.value.id),
    }
}

fn named(n: &Loaded<RawNamed>) -> Named {
    Named {
        id: n.value.id.value.clone(),
        name: n.value.name.value.clone(),
        description: n.value.description.clone(),
        source: source(&n.file, &n.value.id),
    }
}

fn event_type(e: &Loaded<RawEventType>) -> EventType {
    EventType {
        id: e.value.id.value.clone(),
        name: e.value.name.value.clone(),
        description: e.value.description.clone(),
        data_type: e.value.data_type.as_ref().map(|t| t.value.clone()),
        classification: e
            .value
            .classification
            .iter()
            .map(|(k, v)| (k.clone(), v.value.clone()))
            .collect(),
        parsers: Vec::new(),
        source: source(&e.file, &e.value.id),
    }
}

fn build_products(products: &[&LoadedProduct], index: &Indexes, d: &mut Vec<Diagnostic>) -> Vec<Product> {
    products
        .iter()
        .filter_map(|p| {
            let raw = &p.product.value;
            let Some(vendor) = index.vendors.get(&p.vendor_dir) else {
                if !index.vendors.is_unloaded(&p.vendor_dir) {
                    d.push(missing_vendor(&p.product.file, &p.vendor_dir, &index.vendors));
                }
                return None;
            };
            Some(Product {
                id: raw.id.value.clone(),
                name: raw.name.value.clone(),
                description: raw.description.clone(),
                vendor,
                categories: index.categories.resolve_all(&raw.categories, &p.product.file, d),
                parsers: Vec::new(),
                event_types: Vec::new(),
                coverage: Vec::new(),
                source: source(&p.product.file, &raw.id),
            })
        })
        .collect()
}

fn missing_vendor(file: &Path, vendor_dir: &str, vendors: &IdIndex) -> Diagnostic {
    vendors
        .dangling(vendor_dir, Position::file_start(file))
        .with_help(format!(
            "add vendors/{vendor_dir}/vendor.yaml with `id: {vendor_dir}`, or move this folder under an existing vendor"
        ))
}

fn build_parser(
    p: &LoadedParser,
    index: &Indexes,
    vendor_ids: &[&str],
    products: &[(usize, &str)],
    d: &mut Vec<Diagnostic>,
) -> Option<Parser> {
    let raw = &p.parser.value;
    let file = &p.parser.file;
    let Some(vendor) = index.vendors.get(&p.vendor_dir) else {
        if !index.vendors.is_unloaded(&p.vendor_dir) {
            d.push(missing_vendor(file, &p.vendor_dir, &index.vendors));
        }
        return None;
    };
    let Some(product) = products.iter().position(|&(v, id)| v == vendor && id == p.product_dir) else {
        let product_file = file.parent().and_then(Path::parent).map(|dir| dir.join("product.yaml"));
        if product_file.is_some_and(|f| f.is_file()) {
            // The product file exists but failed to load; its error is already reported.
            return None;
        }
        let known = products.iter().filter(|(v, _)| *v == vendor).map(|(_, id)| *id);
        let products_of_vendor = IdIndex::new("product", known);
        d.push(
            products_of_vendor
                .dangling(&p.product_dir, Position::file_start(file))
                .with_help(format!(
                    "add vendors/{}/{}/product.yaml, or move the parser under an existing product",
                    vendor_ids[vendor], p.product_dir
                )),
        );
        return None;
    };
    let event_types = index.event_types.resolve_all(&raw.event_types, file, d);
    for sample in &raw.samples {
        index.event_types.resolve(&sample.event_type, file, d);
    }
    Some(Parser {
        id: raw.id.value.clone(),
        vendor,
        product,
        event_types,
        definition: std::sync::Arc::clone(raw),
        source: source(file, &raw.id),
    })
}

fn build_rule(r: &Loaded<RawRule>, index: &Indexes, attack: &AttackData, d: &mut Vec<Diagnostic>) -> Option<Rule> {
    let raw = &r.value;
    let file = &r.file;
    let activity_type = index.activity_types.resolve(&raw.activity_type, file, d);
    let rule = Rule {
        id: raw.id.value.clone(),
        name: raw.name.value.clone(),
        description: raw.description.clone(),
        use_cases: index.use_cases.resolve_all(&raw.use_cases, file, d),
        activity_type: activity_type.unwrap_or_default(),
        event_types: index.event_types.resolve_all(&raw.event_types, file, d),
        techniques: super::coverage::resolve_techniques(&raw.attack, file, attack, d),
        models: index.models.resolve_all(&raw.models, file, d),
        score: raw.score.as_ref().map(|s| s.value),
        source: source(file, &raw.id),
    };
    activity_type.map(|_| rule)
}

fn build_model(m: &Loaded<RawModel>, index: &Indexes, d: &mut Vec<Diagnostic>) -> Model {
    let raw = &m.value;
    Model {
        id: raw.id.value.clone(),
        name: raw.name.value.clone(),
        description: raw.description.clone(),
        feature: raw.feature.as_ref().map(|f| f.value.clone()),
        scope: raw.scope.value,
        event_types: index.event_types.resolve_all(&raw.event_types, &m.file, d),
        rules: Vec::new(),
        source: source(&m.file, &raw.id),
    }
}
