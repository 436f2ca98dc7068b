//! Vendors and their products: names, the token a product's log lines
//! carry, how the lines are written, and the product's pool of field regexes.

use std::collections::HashSet;

use rand::RngExt;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use super::pools::{self, Casing, Pool};
use super::specs::Spec;
use super::taxonomy::{DIRECTION, EVENT_NAME, OUTCOME};
use super::time::FORMATS;
use super::values::Kind;
use super::words::{PRODUCT_KINDS, capitalised, syllable_word};

/// A vendor.
pub struct VendorPlan {
    pub id: String,
    pub name: String,
}

/// The route of one product's logs into the log management system.
pub struct Transport {
    pub lms: &'static str,
    /// Index into [`FORMATS`].
    pub format: usize,
    /// Whether lines start with a syslog priority such as `<134>`.
    pub pri: bool,
}

/// A product and the facts its parsers share.
pub struct ProductPlan {
    pub id: String,
    pub name: String,
    pub vendor: usize,
    /// Indexes into the category list.
    pub categories: Vec<usize>,
    /// Lowercase token that the product's lines carry before `:`; no token
    /// ends with another, so `token:` picks out one product.
    pub token: String,
    /// Whether the product writes JSON objects instead of key=value pairs.
    pub json: bool,
    /// Indexes into the subjects that have event types.
    pub subjects: Vec<usize>,
    pub transports: Vec<Transport>,
    pub pool: Pool,
    /// Specs of the event name, direction and outcome fields, in that order.
    pub classifiers: [Spec; 3],
}

/// Returns `count` vendors with distinct names.
pub fn vendors(rng: &mut ChaCha8Rng, count: usize) -> Vec<VendorPlan> {
    let mut used = HashSet::new();
    let mut vendors = Vec::with_capacity(count);
    while vendors.len() < count {
        let word = syllable_word(rng);
        if used.insert(word.clone()) {
            vendors.push(VendorPlan {
                name: capitalised(&word),
                id: word,
            });
        }
    }
    vendors
}

/// Returns `count` products: one per vendor, then the rest spread over
/// random vendors so that some vendors have several.
pub fn products(
    rng: &mut ChaCha8Rng,
    count: usize,
    vendors: &[VendorPlan],
    categories: usize,
    subjects: &[usize],
) -> Vec<ProductPlan> {
    let mut owners: Vec<usize> = (0..vendors.len()).collect();
    while owners.len() < count {
        owners.push(rng.random_range(0..vendors.len()));
    }
    let mut used = Names::default();
    owners
        .into_iter()
        .map(|vendor| product(rng, vendor, &mut used, categories, subjects))
        .collect()
}

/// Ids, tokens and key prefixes already taken.
#[derive(Default)]
struct Names {
    ids: HashSet<String>,
    tokens: Vec<String>,
    prefixes: HashSet<String>,
}

fn product(
    rng: &mut ChaCha8Rng,
    vendor: usize,
    used: &mut Names,
    categories: usize,
    subjects: &[usize],
) -> ProductPlan {
    let (word, kind, token) = loop {
        let word = syllable_word(rng);
        let &(kind, short) = PRODUCT_KINDS.choose(rng).unwrap();
        let token = format!("{word}{short}");
        let clash = used
            .tokens
            .iter()
            .any(|t| t.ends_with(&token) || token.ends_with(t.as_str()));
        if !clash && !used.ids.contains(&format!("{word}-{}", kind.to_lowercase())) {
            break (word, kind, token);
        }
    };
    let id = format!("{word}-{}", kind.to_lowercase());
    used.ids.insert(id.clone());
    used.tokens.push(token.clone());
    let prefix = (3..=word.len())
        .map(|n| word[..n].to_string())
        .find(|p| !used.prefixes.contains(p))
        .unwrap_or_else(|| token.clone());
    used.prefixes.insert(prefix.clone());

    let json = rng.random_bool(0.2);
    let casing = *[Casing::Snake, Casing::Camel, Casing::Dotted, Casing::Pascal]
        .choose(rng)
        .unwrap();
    let pool = pools::product(rng, &prefix, casing, json);
    let classifiers = [EVENT_NAME, DIRECTION, OUTCOME].map(|field| {
        let key = if rng.random_bool(0.5) {
            pools::prefixed(&prefix, field, casing)
        } else {
            field.to_string()
        };
        pools::spec(rng, field, Kind::Word, key, json)
    });
    let mut subjects = subjects.to_vec();
    subjects.shuffle(rng);
    subjects.truncate(rng.random_range(2..=5));
    ProductPlan {
        name: format!("{} {kind}", capitalised(&word)),
        id,
        vendor,
        categories: (0..rng.random_range(1..=2))
            .map(|_| rng.random_range(0..categories))
            .collect(),
        token,
        json,
        subjects,
        transports: transports(rng),
        pool,
        classifiers,
    }
}

fn transports(rng: &mut ChaCha8Rng) -> Vec<Transport> {
    let mut transports = vec![Transport {
        lms: "syslog",
        format: rng.random_range(0..FORMATS.len()),
        pri: true,
    }];
    if rng.random_bool(0.4) {
        transports.push(Transport {
            lms: ["splunk", "elastic", "file"].choose(rng).unwrap(),
            format: rng.random_range(0..FORMATS.len()),
            pri: false,
        });
    }
    transports
}
