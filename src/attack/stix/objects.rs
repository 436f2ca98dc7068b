//! Serde types for the parts of STIX 2.1 objects that the ATT&CK reader uses.
//!
//! Fields the reader does not use are ignored, and so are objects of other types.

use serde::Deserialize;

#[derive(Deserialize)]
pub(super) struct Bundle {
    #[serde(rename = "type")]
    pub(super) kind: String,
    pub(super) objects: Vec<StixObject>,
}

#[derive(Deserialize)]
#[serde(tag = "type")]
pub(super) enum StixObject {
    #[serde(rename = "x-mitre-collection")]
    Collection { x_mitre_version: Option<String> },
    #[serde(rename = "x-mitre-matrix")]
    Matrix(Matrix),
    #[serde(rename = "x-mitre-tactic")]
    Tactic(TacticObject),
    #[serde(rename = "attack-pattern")]
    AttackPattern(AttackPattern),
    #[serde(rename = "relationship")]
    Relationship(Relationship),
    #[serde(other)]
    Other,
}

#[derive(Deserialize)]
pub(super) struct Matrix {
    pub(super) tactic_refs: Vec<String>,
    #[serde(default)]
    pub(super) revoked: bool,
    #[serde(default)]
    pub(super) x_mitre_deprecated: bool,
}

#[derive(Deserialize)]
pub(super) struct TacticObject {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) x_mitre_shortname: String,
    #[serde(default)]
    pub(super) external_references: Vec<ExternalReference>,
}

#[derive(Deserialize)]
pub(super) struct AttackPattern {
    pub(super) id: String,
    pub(super) name: String,
    #[serde(default)]
    pub(super) external_references: Vec<ExternalReference>,
    #[serde(default)]
    pub(super) kill_chain_phases: Vec<KillChainPhase>,
    #[serde(default)]
    pub(super) x_mitre_is_subtechnique: bool,
    #[serde(default)]
    pub(super) x_mitre_domains: Option<Vec<String>>,
    #[serde(default)]
    pub(super) revoked: bool,
    #[serde(default)]
    pub(super) x_mitre_deprecated: bool,
}

#[derive(Deserialize)]
pub(super) struct Relationship {
    pub(super) relationship_type: String,
    pub(super) source_ref: String,
    pub(super) target_ref: String,
    #[serde(default)]
    pub(super) revoked: bool,
}

#[derive(Deserialize)]
pub(super) struct ExternalReference {
    pub(super) source_name: String,
    pub(super) external_id: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct KillChainPhase {
    pub(super) kill_chain_name: String,
    pub(super) phase_name: String,
}
