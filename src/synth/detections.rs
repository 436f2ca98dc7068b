//! Detection rules and behavioural models, spread over event types and use
//! cases with Zipf-like weights, as real libraries have many more rules for
//! authentication than for printing.

use rand::RngExt;
use rand::distr::Distribution;
use rand::distr::weighted::WeightedIndex;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use super::files::{ModelFile, RuleFile};
use super::taxonomy::{EventTypePlan, NamedPlan};
use super::words::{SUBJECTS, qualifier};
use crate::attack::AttackData;

const SCOPES: &[&str] = &["user", "peer-group", "organization"];
const FEATURES: &[&str] = &[
    "event count",
    "distinct hosts",
    "bytes sent",
    "hour of day",
    "distinct countries",
    "failures",
];
const ENTITIES: &[&str] = &["user", "source host", "destination", "application", "account"];

/// Per-subject picks shared by rules and models.
pub struct Affinities {
    /// Subjects that have event types, by weight rank.
    subjects: Vec<usize>,
    weights: WeightedIndex<f64>,
    /// Event types of each subject, indexes into the event type list.
    event_types: Vec<Vec<usize>>,
    /// Use case indexes of each subject.
    use_cases: Vec<Vec<usize>>,
    /// ATT&CK technique ids of each subject.
    techniques: Vec<Vec<String>>,
}

impl Affinities {
    /// Draws the per-subject use cases and techniques.
    pub fn new(rng: &mut ChaCha8Rng, event_types: &[EventTypePlan], use_cases: usize) -> Self {
        let mut by_subject = vec![Vec::new(); SUBJECTS.len()];
        for (index, event_type) in event_types.iter().enumerate() {
            by_subject[event_type.subject].push(index);
        }
        let mut subjects: Vec<usize> = (0..SUBJECTS.len()).filter(|&s| !by_subject[s].is_empty()).collect();
        subjects.shuffle(rng);
        let weights = WeightedIndex::new((0..subjects.len()).map(|r| 1.0 / (r + 1) as f64)).expect("event types exist");
        let use_cases = (0..SUBJECTS.len())
            .map(|_| (0..5).map(|_| rng.random_range(0..use_cases)).collect())
            .collect();
        let techniques = (0..SUBJECTS.len()).map(|_| techniques(rng, 10)).collect();
        Affinities {
            subjects,
            weights,
            event_types: by_subject,
            use_cases,
            techniques,
        }
    }

    /// Subjects that have event types.
    pub fn subjects(&self) -> &[usize] {
        &self.subjects
    }

    fn subject(&self, rng: &mut ChaCha8Rng) -> usize {
        self.subjects[self.weights.sample(rng)]
    }

    fn event_types(&self, rng: &mut ChaCha8Rng, subject: usize, events: &[EventTypePlan]) -> Vec<String> {
        let count = rng.random_range(1..=3);
        let mut ids: Vec<String> = self.event_types[subject]
            .sample(rng, count)
            .map(|&e| events[e].id.clone())
            .collect();
        ids.sort();
        ids
    }
}

/// Returns `count` current ATT&CK techniques, none listed with its parent
/// or sub-technique, because a rule should name only one of the two.
fn techniques(rng: &mut ChaCha8Rng, count: usize) -> Vec<String> {
    let attack = AttackData::bundled();
    let mut current: Vec<&crate::attack::Technique> =
        attack.techniques().filter(|t| !t.revoked && !t.deprecated).collect();
    current.shuffle(rng);
    let mut chosen: Vec<&crate::attack::Technique> = Vec::with_capacity(count);
    for technique in current {
        let related = |other: &&crate::attack::Technique| {
            technique.parent.as_deref() == Some(other.id.as_str())
                || other.parent.as_deref() == Some(technique.id.as_str())
        };
        if !chosen.iter().any(related) {
            chosen.push(technique);
        }
        if chosen.len() == count {
            break;
        }
    }
    chosen.into_iter().map(|t| t.id.clone()).collect()
}

/// Returns `count` models.
pub fn models(
    rng: &mut ChaCha8Rng,
    count: usize,
    affinities: &Affinities,
    events: &[EventTypePlan],
) -> Vec<(usize, ModelFile)> {
    (0..count)
        .map(|n| {
            let subject = affinities.subject(rng);
            let feature = FEATURES.choose(rng).unwrap();
            let entity = ENTITIES.choose(rng).unwrap();
            let title = SUBJECTS[subject].title;
            let model = ModelFile {
                id: format!("M-{}-{n:04}", SUBJECTS[subject].slug.to_uppercase()),
                name: format!("{title} {feature} per {entity} {n:04}"),
                scope: SCOPES.choose(rng).unwrap().to_string(),
                feature: format!("{feature} per {entity}"),
                event_types: affinities.event_types(rng, subject, events),
                description: format!(
                    "Learns the usual {feature} per {entity} from {} events, so that rules can flag values far \
                     from that baseline.\n",
                    title.to_lowercase()
                ),
            };
            (subject, model)
        })
        .collect()
}

/// Returns `count` rules, each with 1-2 use cases and techniques and sometimes models.
pub fn rules(
    rng: &mut ChaCha8Rng,
    count: usize,
    affinities: &Affinities,
    events: &[EventTypePlan],
    use_cases: &[NamedPlan],
    models: &[(usize, ModelFile)],
) -> Vec<RuleFile> {
    (0..count)
        .map(|n| {
            let subject = affinities.subject(rng);
            let qualifier = qualifier(rng);
            let title = SUBJECTS[subject].title;
            let use_count = rng.random_range(1..=2);
            let technique_count = rng.random_range(1..=2);
            let mut uses: Vec<String> = affinities.use_cases[subject]
                .sample(rng, use_count)
                .map(|&u| use_cases[u].id.clone())
                .collect();
            uses.sort();
            uses.dedup();
            let own_models: Vec<&ModelFile> = models.iter().filter(|(s, _)| *s == subject).map(|(_, m)| m).collect();
            let used_models = if rng.random_bool(0.3) {
                rng.random_range(1..=2)
            } else {
                0
            };
            RuleFile {
                id: format!(
                    "{}-{}-{n:04}",
                    SUBJECTS[subject].slug.to_uppercase(),
                    qualifier.to_uppercase()
                ),
                name: format!(
                    "{} {} activity {n:04}",
                    super::words::capitalised(&qualifier.replace('-', " ")),
                    title
                ),
                use_cases: uses,
                activity_type: format!("{}-activity", SUBJECTS[subject].slug),
                event_types: affinities.event_types(rng, subject, events),
                attack: affinities.techniques[subject]
                    .sample(rng, technique_count)
                    .cloned()
                    .collect(),
                models: own_models.sample(rng, used_models).map(|m| m.id.clone()).collect(),
                score: rng.random_range(1..=19) * 5,
                description: format!(
                    "Fires on {} events that look {} for the `user`, judged against the user's own \
                     history and that of their peers.\n",
                    title.to_lowercase(),
                    qualifier.replace('-', " "),
                ),
            }
        })
        .collect()
}

/// Makes every model used: a model that no rule lists goes to a rule of its
/// subject, and is dropped when its subject has no rule. Returns the models kept.
pub fn attach_models(
    rng: &mut ChaCha8Rng,
    models: Vec<(usize, ModelFile)>,
    rules: &mut [RuleFile],
) -> Vec<(usize, ModelFile)> {
    let used: std::collections::HashSet<String> = rules.iter().flat_map(|r| r.models.iter().cloned()).collect();
    let mut kept = Vec::with_capacity(models.len());
    for (subject, model) in models {
        if !used.contains(&model.id) {
            let prefix = format!("{}-", SUBJECTS[subject].slug.to_uppercase());
            let candidates: Vec<usize> = (0..rules.len()).filter(|&r| rules[r].id.starts_with(&prefix)).collect();
            let Some(&rule) = candidates.choose(rng) else { continue };
            rules[rule].models.push(model.id.clone());
        }
        kept.push((subject, model));
    }
    kept
}
