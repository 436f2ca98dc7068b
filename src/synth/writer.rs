//! Generating a whole catalogue and writing it into a folder.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use rand::seq::IndexedRandom;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::Config;
use super::detections::{self, Affinities};
use super::files::*;
use super::parsers::{ParserTopic, parser};
use super::pools;
use super::products::{self, ProductPlan};
use super::taxonomy::{self, EventTypePlan, NamedPlan};
use super::words::SUBJECTS;

/// Counts of what a run wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub vendors: usize,
    pub products: usize,
    pub parsers: usize,
    pub samples: usize,
    pub event_types: usize,
    pub rules: usize,
    pub models: usize,
    /// Field regexes over all parsers.
    pub regexes: usize,
    pub distinct_regexes: usize,
    pub median_regexes_per_parser: usize,
    /// Distinct regexes with a lookbehind or lookahead.
    pub lookaround_regexes: usize,
}

/// Generates the catalogue of `config` into `out`, which must exist and be empty.
pub fn generate(out: &Path, config: &Config) -> anyhow::Result<Summary> {
    let mut rng = ChaCha8Rng::seed_from_u64(config.seed);
    let mut summary = Summary::default();
    let mut writer = Writer {
        root: out,
        summary: &mut summary,
    };

    writer.write("contentdoc.yaml", &settings(config))?;
    let categories = taxonomy::categories();
    let use_cases = taxonomy::use_cases();
    let event_types = taxonomy::event_types(&mut rng, config.count(400, 12));
    writer.event_types(&event_types)?;

    let affinities = Affinities::new(&mut rng, &event_types, use_cases.len());
    let vendors = products::vendors(&mut rng, config.count(270, 2));
    let products = products::products(
        &mut rng,
        config.count(280, 3).max(vendors.len()),
        &vendors,
        categories.len(),
        affinities.subjects(),
    );
    for vendor in &vendors {
        let file = NamedFile {
            id: vendor.id.clone(),
            name: vendor.name.clone(),
            url: Some(format!("https://www.{}.example", vendor.id)),
            description: format!(
                "{} makes security products whose logs the parsers here read.\n",
                vendor.name
            ),
        };
        writer.write(&format!("vendors/{}/vendor.yaml", vendor.id), &file)?;
    }
    summary_regexes(
        writer.parsers(&mut rng, &vendors, &products, &categories, &event_types)?,
        writer.summary,
    );

    let models = detections::models(&mut rng, config.count(1000, 4), &affinities, &event_types);
    let mut rules = detections::rules(
        &mut rng,
        config.count(4000, 10),
        &affinities,
        &event_types,
        &use_cases,
        &models,
    );
    let models = detections::attach_models(&mut rng, models, &mut rules);

    // Only what is used is written, so that small scales lint clean too.
    let used_categories: HashSet<usize> = products.iter().flat_map(|p| p.categories.iter().copied()).collect();
    let used_ids: HashSet<&str> = rules
        .iter()
        .flat_map(|r| r.use_cases.iter().chain([&r.activity_type]))
        .map(String::as_str)
        .collect();
    let categories: Vec<NamedPlan> = categories
        .into_iter()
        .enumerate()
        .filter_map(|(i, c)| used_categories.contains(&i).then_some(c))
        .collect();
    writer.named("categories", &categories)?;
    let use_cases: Vec<NamedPlan> = use_cases
        .into_iter()
        .filter(|u| used_ids.contains(u.id.as_str()))
        .collect();
    writer.named("use-cases", &use_cases)?;
    let activity_types: Vec<NamedPlan> = taxonomy::activity_types()
        .into_iter()
        .filter(|a| used_ids.contains(a.id.as_str()))
        .collect();
    writer.named("activity-types", &activity_types)?;
    for (_, model) in &models {
        writer.write(&format!("models/{}.yaml", model.id), model)?;
    }
    for rule in &rules {
        writer.write(&format!("rules/{}.yaml", rule.id), rule)?;
    }
    summary.vendors = vendors.len();
    summary.products = products.len();
    summary.event_types = event_types.len();
    summary.models = models.len();
    summary.rules = rules.len();
    Ok(summary)
}

fn settings(config: &Config) -> SettingsFile {
    SettingsFile {
        title: "Synthetic detection content".into(),
        description: format!(
            "Generated content at scale {} of the reference library (seed {}), for benchmarks and tests.\n",
            config.scale, config.seed
        ),
    }
}

fn summary_regexes(parsers: Vec<ParserFile>, summary: &mut Summary) {
    let mut counts: Vec<usize> = parsers.iter().map(|p| p.fields.len()).collect();
    counts.sort_unstable();
    let distinct: HashSet<&str> = parsers
        .iter()
        .flat_map(|p| p.fields.iter().map(String::as_str))
        .collect();
    summary.parsers = parsers.len();
    summary.samples = parsers.iter().map(|p| p.samples.len()).sum();
    summary.regexes = counts.iter().sum();
    summary.median_regexes_per_parser = counts.get(counts.len() / 2).copied().unwrap_or(0);
    summary.distinct_regexes = distinct.len();
    summary.lookaround_regexes = distinct
        .iter()
        .filter(|r| r.contains("(?<=") || r.contains("(?="))
        .count();
}

struct Writer<'a> {
    root: &'a Path,
    summary: &'a mut Summary,
}

impl Writer<'_> {
    fn write<T: serde::Serialize>(&mut self, relative: &str, value: &T) -> anyhow::Result<()> {
        self.summary.files += 1;
        write(self.root, relative, value)
    }

    fn named(&mut self, folder: &str, plans: &[NamedPlan]) -> anyhow::Result<()> {
        for plan in plans {
            let file = NamedFile {
                id: plan.id.clone(),
                name: plan.name.clone(),
                url: None,
                description: format!("{}\n", plan.description),
            };
            self.write(&format!("{folder}/{}.yaml", plan.id), &file)?;
        }
        Ok(())
    }

    fn event_types(&mut self, plans: &[EventTypePlan]) -> anyhow::Result<()> {
        for plan in plans {
            let subject = &SUBJECTS[plan.subject];
            let file = EventTypeFile {
                id: plan.id.clone(),
                name: plan.name.clone(),
                data_type: subject.slug.to_string(),
                classification: plan.classification.clone(),
                description: format!("{}: an event whose parsed fields hold the values below.\n", plan.name),
            };
            self.write(&format!("event-types/{}.yaml", plan.id), &file)?;
        }
        Ok(())
    }

    fn parsers(
        &mut self,
        rng: &mut ChaCha8Rng,
        vendors: &[products::VendorPlan],
        products: &[ProductPlan],
        categories: &[NamedPlan],
        event_types: &[EventTypePlan],
    ) -> anyhow::Result<Vec<ParserFile>> {
        let common = [pools::common(rng, false), pools::common(rng, true)];
        let mut by_subject: BTreeMap<usize, Vec<&EventTypePlan>> = BTreeMap::new();
        for event_type in event_types {
            by_subject.entry(event_type.subject).or_default().push(event_type);
        }
        let mut all = Vec::new();
        let mut ids = HashSet::new();
        for product in products {
            let folder = format!("vendors/{}/{}", vendors[product.vendor].id, product.id);
            self.write(&format!("{folder}/product.yaml"), &product_file(product, categories))?;
            for n in 0..rng.random_range(15..=40) {
                let subject = *product.subjects.choose(rng).unwrap();
                let candidates = &by_subject[&subject];
                let count = rng.random_range(1..=3);
                let mut claimed: Vec<&EventTypePlan> = candidates.sample(rng, count).copied().collect();
                claimed.sort_by(|a, b| a.id.cmp(&b.id));
                let mut id = format!("{}-{}", product.id, claimed[0].id);
                let mut suffix = 2;
                while !ids.insert(id.clone()) {
                    id = format!("{}-{}-{suffix}", product.id, claimed[0].id);
                    suffix += 1;
                }
                let topic = ParserTopic {
                    product,
                    code: format!("{}-{}", SUBJECTS[subject].slug.to_uppercase(), 100 + n),
                    id,
                    event_types: claimed,
                };
                let file = parser(rng, &topic, &common[usize::from(product.json)])?;
                self.summary.files += 1;
                write_parser(self.root, &format!("{folder}/parsers/{}.yaml", file.id), &file)?;
                all.push(file);
            }
        }
        Ok(all)
    }
}

fn product_file(product: &ProductPlan, categories: &[NamedPlan]) -> ProductFile {
    let mut ids: Vec<String> = product.categories.iter().map(|&c| categories[c].id.clone()).collect();
    ids.sort();
    ids.dedup();
    let format = if product.json {
        "JSON objects"
    } else {
        "key=value pairs"
    };
    ProductFile {
        id: product.id.clone(),
        name: product.name.clone(),
        categories: ids,
        description: format!(
            "{} writes one line per event, tagged `{}:`, with the event's fields as {format}.\n",
            product.name, product.token
        ),
    }
}
