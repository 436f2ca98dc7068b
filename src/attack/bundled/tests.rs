use std::path::Path;

use super::{BUNDLED_JSON, BUNDLED_PATH, bundled, parse};
use crate::attack::Technique;

fn technique(id: &str) -> &'static Technique {
    bundled()
        .technique(id)
        .unwrap_or_else(|| panic!("{id} is missing from the bundled data"))
}

#[test]
fn bundled_data_parses_without_error() {
    let parsed = parse(BUNDLED_JSON, Path::new(BUNDLED_PATH));
    assert!(parsed.is_ok(), "{:?}", parsed.err());
}

#[test]
fn bundled_version_is_18_1() {
    assert_eq!(bundled().version(), "18.1");
}

#[test]
fn bundled_tactics_follow_matrix_order() {
    let expected = [
        ("TA0043", "reconnaissance", "Reconnaissance"),
        ("TA0042", "resource-development", "Resource Development"),
        ("TA0001", "initial-access", "Initial Access"),
        ("TA0002", "execution", "Execution"),
        ("TA0003", "persistence", "Persistence"),
        ("TA0004", "privilege-escalation", "Privilege Escalation"),
        ("TA0005", "defense-evasion", "Defense Evasion"),
        ("TA0006", "credential-access", "Credential Access"),
        ("TA0007", "discovery", "Discovery"),
        ("TA0008", "lateral-movement", "Lateral Movement"),
        ("TA0009", "collection", "Collection"),
        ("TA0011", "command-and-control", "Command and Control"),
        ("TA0010", "exfiltration", "Exfiltration"),
        ("TA0040", "impact", "Impact"),
    ];
    let actual: Vec<_> = bundled()
        .tactics()
        .iter()
        .map(|t| (t.id.as_str(), t.shortname.as_str(), t.name.as_str()))
        .collect();
    assert_eq!(actual, expected);
}

#[test]
fn tactic_lookup_by_shortname() {
    let tactic = bundled().tactic("privilege-escalation");
    assert_eq!(tactic.map(|t| t.id.as_str()), Some("TA0004"));
    assert!(bundled().tactic("Privilege Escalation").is_none());
}

#[test]
fn valid_accounts_has_four_tactics() {
    let valid_accounts = technique("T1078");
    assert_eq!(valid_accounts.name, "Valid Accounts");
    let expected = [
        "initial-access",
        "persistence",
        "privilege-escalation",
        "defense-evasion",
    ];
    assert_eq!(valid_accounts.tactics, expected);
    assert!(!valid_accounts.is_sub_technique());
    assert!(!valid_accounts.revoked);
    assert!(!valid_accounts.deprecated);
}

#[test]
fn exfiltration_technique_has_one_tactic() {
    let exfiltration = technique("T1048");
    assert_eq!(exfiltration.name, "Exfiltration Over Alternative Protocol");
    assert_eq!(exfiltration.tactics, ["exfiltration"]);
}

#[test]
fn sub_technique_has_parent_and_url() {
    let cloud_accounts = technique("T1078.004");
    assert_eq!(cloud_accounts.name, "Cloud Accounts");
    assert_eq!(cloud_accounts.parent.as_deref(), Some("T1078"));
    assert!(cloud_accounts.is_sub_technique());
    assert_eq!(cloud_accounts.url(), "https://attack.mitre.org/techniques/T1078/004/");
    assert_eq!(technique("T1078").url(), "https://attack.mitre.org/techniques/T1078/");
}

#[test]
fn sub_techniques_listed_by_id() {
    let ids: Vec<_> = bundled().sub_techniques("T1078").map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["T1078.001", "T1078.002", "T1078.003", "T1078.004"]);
    assert_eq!(bundled().sub_techniques("T1048.001").count(), 0);
}

#[test]
fn revoked_technique_names_replacement() {
    let powershell = technique("T1086");
    assert_eq!(powershell.name, "PowerShell");
    assert!(powershell.revoked);
    assert_eq!(powershell.replaced_by.as_deref(), Some("T1059.001"));
}

#[test]
fn revoked_sub_technique_keeps_parent() {
    let at_linux = technique("T1053.001");
    assert!(at_linux.revoked);
    assert_eq!(at_linux.parent.as_deref(), Some("T1053"));
    assert_eq!(at_linux.replaced_by.as_deref(), Some("T1053.002"));
}

#[test]
fn deprecated_technique_is_flagged() {
    let multiband = technique("T1026");
    assert_eq!(multiband.name, "Multiband Communication");
    assert!(multiband.deprecated);
    assert!(!multiband.revoked);
    assert_eq!(multiband.replaced_by, None);
}

#[test]
fn bundled_counts_match_attack_18_1() {
    let all: Vec<_> = bundled().techniques().collect();
    let sub_techniques = all.iter().filter(|t| t.is_sub_technique()).count();
    assert_eq!(all.len(), 835);
    assert_eq!(sub_techniques, 479);
    assert_eq!(all.iter().filter(|t| t.revoked).count(), 132);
    assert_eq!(all.iter().filter(|t| t.deprecated).count(), 12);
}
