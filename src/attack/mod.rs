//! MITRE ATT&CK Enterprise tactics and techniques, from the compiled-in v18.1 data or an
//! official STIX 2.1 bundle, with lookups by tactic shortname and technique id.

mod bundled;
mod error;
mod stix;
mod suggest;
mod validate;

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

pub use error::AttackError;

const TECHNIQUE_URL_BASE: &str = "https://attack.mitre.org/techniques";

/// An ATT&CK tactic: the adversary goal that techniques serve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tactic {
    /// Tactic id such as `TA0004`.
    pub id: String,
    /// Name that techniques use for the tactic, such as `privilege-escalation`.
    pub shortname: String,
    /// Official name such as "Privilege Escalation".
    pub name: String,
}

/// An ATT&CK technique or sub-technique.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Technique {
    /// Id such as `T1078`, or `T1078.004` for a sub-technique.
    pub id: String,
    pub name: String,
    /// Shortnames of the technique's tactics, in matrix order.
    pub tactics: Vec<String>,
    /// Parent technique id, set for sub-techniques only.
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub revoked: bool,
    #[serde(default)]
    pub deprecated: bool,
    /// Target of ATT&CK's revoked-by relationship. The target can itself be revoked.
    #[serde(default)]
    pub replaced_by: Option<String>,
}

/// One release of the ATT&CK Enterprise matrix.
#[derive(Debug, Clone, Serialize)]
pub struct AttackData {
    /// ATT&CK release such as "18.1".
    version: String,
    /// Tactics in matrix order.
    tactics: Vec<Tactic>,
    techniques: BTreeMap<String, Technique>,
}

impl AttackData {
    /// Returns the compiled-in ATT&CK Enterprise v18.1 data.
    pub fn bundled() -> &'static AttackData {
        bundled::bundled()
    }

    /// Reads an official ATT&CK STIX 2.1 bundle such as `enterprise-attack.json`.
    pub fn from_stix_file(path: &Path) -> Result<AttackData, AttackError> {
        let json = std::fs::read_to_string(path).map_err(|source| AttackError::Io {
            path: path.to_owned(),
            source,
        })?;
        stix::parse_bundle(&json, path)
    }

    /// Reads an ATT&CK STIX 2.1 bundle from a string. Errors name the file `<string>`.
    pub fn from_stix_str(json: &str) -> Result<AttackData, AttackError> {
        stix::parse_bundle(json, Path::new("<string>"))
    }

    pub fn version(&self) -> &str {
        &self.version
    }

    /// Returns the tactics in matrix order.
    pub fn tactics(&self) -> &[Tactic] {
        &self.tactics
    }

    /// Finds a tactic by its shortname, such as `privilege-escalation`.
    pub fn tactic(&self, shortname: &str) -> Option<&Tactic> {
        self.tactics.iter().find(|tactic| tactic.shortname == shortname)
    }

    /// Finds a technique or sub-technique by its exact id, including revoked ones.
    pub fn technique(&self, id: &str) -> Option<&Technique> {
        self.techniques.get(id)
    }

    /// Returns all techniques and sub-techniques, including revoked and deprecated ones,
    /// sorted by id.
    pub fn techniques(&self) -> impl Iterator<Item = &Technique> {
        self.techniques.values()
    }

    /// Returns the sub-techniques of `parent`, sorted by id.
    pub fn sub_techniques(&self, parent: &str) -> impl Iterator<Item = &Technique> {
        self.techniques
            .values()
            .filter(move |technique| technique.parent.as_deref() == Some(parent))
    }
}

impl Technique {
    /// Returns the technique's page on attack.mitre.org, such as
    /// `https://attack.mitre.org/techniques/T1078/004/` for sub-technique T1078.004.
    pub fn url(&self) -> String {
        match self.id.split_once('.') {
            Some((parent, sub)) => format!("{TECHNIQUE_URL_BASE}/{parent}/{sub}/"),
            None => format!("{TECHNIQUE_URL_BASE}/{}/", self.id),
        }
    }

    pub fn is_sub_technique(&self) -> bool {
        self.parent.is_some()
    }

    fn is_current(&self) -> bool {
        !self.revoked && !self.deprecated
    }
}

/// Checks that `id` has the form `T` plus four digits, optionally followed by `.` and
/// three digits, such as `T1078` or `T1078.004`.
pub fn is_well_formed_technique_id(id: &str) -> bool {
    let Some(digits) = id.strip_prefix('T') else {
        return false;
    };
    let (technique, sub) = match digits.split_once('.') {
        Some((technique, sub)) => (technique, Some(sub)),
        None => (digits, None),
    };

    let all_digits = |text: &str, length: usize| text.len() == length && text.bytes().all(|byte| byte.is_ascii_digit());
    all_digits(technique, 4) && sub.is_none_or(|sub| all_digits(sub, 3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_ids_accepted() {
        for id in ["T1078", "T1078.004", "T0000", "T9999.999"] {
            assert!(is_well_formed_technique_id(id), "{id} should be well formed");
        }
    }

    #[test]
    fn malformed_ids_rejected() {
        let cases = [
            "",
            "T",
            "t1078",
            "T107",
            "T10780",
            "T1078.",
            "T1078.04",
            "T1078.0040",
            "T1078/004",
            "TA0004",
            " T1078",
            "T1078 ",
            "T1O78",
            "T１０７８",
        ];
        for id in cases {
            assert!(!is_well_formed_technique_id(id), "{id:?} should be malformed");
        }
    }
}
