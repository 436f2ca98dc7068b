//! CD302 attack-data: the ATT&CK data named in the settings or on the command line cannot be used.
//!
//! The `attack` setting of `contentdoc.yaml` or the `--attack` option names a
//! file that cannot be read or is not an ATT&CK Enterprise STIX 2.1 bundle.
//! The bundled ATT&CK data is used instead.
//!
//! Why: techniques are checked against a different ATT&CK release than the one
//! the author chose.
//!
//! Example:
//!
//! ```yaml
//! attack: attack/enterprise-attack.json   # the file does not exist
//! ```
//!
//! Loading or resolution reports this code.

use crate::diag::{Severity, codes};
use crate::lint::{Check, Rule};

/// Registry entry of `attack-data`.
pub const RULE: Rule = Rule {
    code: codes::ATTACK_DATA,
    name: "attack-data",
    severity: Severity::Error,
    summary: "the ATT&CK data named in the settings or on the command line cannot be used",
    check: Check::Builtin,
    source: include_str!("attack_data.rs"),
};
