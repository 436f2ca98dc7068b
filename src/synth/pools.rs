//! Pools of field regex specs: a common pool shared by every product, as
//! real libraries reuse `\ssrc=({src_ip}[^\s]+)` across vendors, and one
//! pool per product with the vendor's own key names. Parsers draw from the
//! pools with Zipf-like weights, so a few regexes are used very often.

use rand::RngExt;
use rand::distr::Distribution;
use rand::distr::weighted::WeightedIndex;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use super::specs::{Lookaround, Spec, Style, quoted_class};
use super::values::{FIELDS, Kind};

/// Share of specs that use a lookbehind or lookahead.
const LOOKAROUND_SHARE: f64 = 0.01;

/// How a product spells its keys.
#[derive(Debug, Clone, Copy)]
pub enum Casing {
    Snake,
    Camel,
    Dotted,
    Pascal,
}

/// Specs ordered by rank, with Zipf-like weights.
pub struct Pool {
    pub specs: Vec<Spec>,
    weights: WeightedIndex<f64>,
}

impl Pool {
    fn new(specs: Vec<Spec>, exponent: f64) -> Self {
        let weights = (0..specs.len()).map(|rank| 1.0 / ((rank + 1) as f64).powf(exponent));
        Pool {
            weights: WeightedIndex::new(weights).expect("a pool is never empty"),
            specs,
        }
    }

    /// Returns a spec drawn by weight.
    pub fn draw(&self, rng: &mut ChaCha8Rng) -> &Spec {
        &self.specs[self.weights.sample(rng)]
    }
}

/// Returns the shared pool for products that write `json` or key=value lines.
pub fn common(rng: &mut ChaCha8Rng, json: bool) -> Pool {
    let mut specs = Vec::new();
    for &(field, kind) in FIELDS {
        for casing in [Casing::Snake, Casing::Camel, Casing::Pascal] {
            let key = spell(field, casing);
            for _ in 0..2 {
                specs.push(spec(rng, field, kind, key.clone(), json));
            }
        }
        specs.push(spec(
            rng,
            field,
            kind,
            field.split('_').next().unwrap().to_string(),
            json,
        ));
    }
    specs.shuffle(rng);
    dedup(&mut specs);
    Pool::new(specs, 1.0)
}

/// Returns the pool of one product, whose keys start with `prefix`.
pub fn product(rng: &mut ChaCha8Rng, prefix: &str, casing: Casing, json: bool) -> Pool {
    let mut specs = Vec::new();
    for &(field, kind) in FIELDS {
        let key = prefixed(prefix, field, casing);
        for _ in 0..rng.random_range(3..=5) {
            specs.push(spec(rng, field, kind, key.clone(), json));
        }
    }
    specs.shuffle(rng);
    dedup(&mut specs);
    Pool::new(specs, 0.5)
}

/// Returns `field` as a key of a product with `prefix`, such as `kor_src_ip`.
pub fn prefixed(prefix: &str, field: &str, casing: Casing) -> String {
    match casing {
        Casing::Snake => format!("{prefix}_{field}"),
        Casing::Dotted => format!("{prefix}.{}", field.replace('_', ".")),
        Casing::Camel | Casing::Pascal => format!("{prefix}{}", spell(field, Casing::Pascal)),
    }
}

/// Returns `field` spelled in `casing`: `src_ip`, `srcIp`, `src.ip` or `SrcIp`.
pub fn spell(field: &str, casing: Casing) -> String {
    let parts = field.split('_');
    match casing {
        Casing::Snake => field.to_string(),
        Casing::Dotted => field.replace('_', "."),
        Casing::Pascal => parts.map(super::words::capitalised).collect(),
        Casing::Camel => {
            let pascal: String = parts.map(super::words::capitalised).collect();
            let mut chars = pascal.chars();
            chars
                .next()
                .map(|c| c.to_ascii_lowercase().to_string() + chars.as_str())
                .unwrap_or_default()
        }
    }
}

/// Returns a spec for `field` under `key` with a random style and class.
pub fn spec(rng: &mut ChaCha8Rng, field: &'static str, kind: Kind, key: String, json: bool) -> Spec {
    let quoted = kind == Kind::Text || (!json && rng.random_bool(0.15));
    let style = match (json, quoted) {
        (true, _) => Style::Json,
        (false, true) => Style::QuotedPair,
        (false, false) => Style::Pair,
    };
    let class = if (json && !kind.is_numeric()) || quoted {
        quoted_class(rng.random_bool(0.5))
    } else {
        kind.classes().choose(rng).unwrap()
    };
    let lookaround = match rng.random_bool(LOOKAROUND_SHARE) {
        false => Lookaround::None,
        true if style == Style::Pair && rng.random_bool(0.5) => Lookaround::Ahead,
        true => Lookaround::Behind,
    };
    Spec {
        field,
        kind,
        key,
        style,
        class,
        lookaround,
    }
}

fn dedup(specs: &mut Vec<Spec>) {
    let mut seen = std::collections::HashSet::new();
    specs.retain(|s| seen.insert(s.clone()));
}
