//! Each lint rule against its fixtures: the `fires` tree reports the rule's
//! code at the listed positions, the `passes` tree does not report it.

mod lint_support;

use contentdoc::lint::RULES;
use lint_support::*;

/// File, line and column of a finding.
type At = (&'static str, u64, u64);

/// Every position at which each rule's `fires` tree must report its code.
const FIRES_AT: &[(&str, &[At])] = &[
    ("CD101", &[("content/use-cases/cd101.yaml", 2, 7)]),
    ("CD102", &[("content/activity-types/cd102.yaml", 3, 1)]),
    ("CD103", &[("content/categories/cd103.yaml", 1, 1)]),
    ("CD104", &[("content/models/M-CD104.yaml", 3, 8)]),
    ("CD105", &[("content/event-types/cd105.yaml", 3, 1)]),
    ("CD106", &[("content/use-cases/cd106.yaml", 4, 1)]),
    ("CD107", &[("content/rules/nested/R-CD107.yaml", 1, 1)]),
    ("CD108", &[("content/use-cases/cd108.yaml", 1, 1)]),
    (
        "CD109",
        &[
            ("content/rules/R-CD109.yaml", 3, 15),
            ("content/use-cases/cd109.yaml", 1, 1),
        ],
    ),
    ("CD110", &[("content/contentdoc.yaml", 3, 5)]),
    ("CD111", &[("content/contentdoc.yaml", 3, 13)]),
    ("CD112", &[("content/contentdoc.yaml", 4, 15)]),
    ("CD201", &[("content/activity-types/cd201.yaml", 1, 5)]),
    ("CD202", &[("content/categories/cd202.yaml", 1, 5)]),
    ("CD203", &[("content/vendors/cd203/mail-gw/product.yaml", 1, 5)]),
    ("CD204", &[("content/rules/R-CD204.yaml", 3, 13)]),
    ("CD205", &[("content/vendors/acme-inc/vendor.yaml", 2, 7)]),
    ("CD301", &[("content/rules/R-CD301.yaml", 6, 10)]),
    ("CD302", &[("content/contentdoc.yaml", 1, 9)]),
    (
        "CD303",
        &[
            ("content/rules/R-CD303.yaml", 6, 10),
            ("content/rules/R-CD303.yaml", 6, 17),
        ],
    ),
    ("CD304", &[("content/rules/R-CD304.yaml", 6, 10)]),
    ("CD305", &[("content/rules/R-CD305.yaml", 6, 10)]),
    ("CD401", &[("content/vendors/acme/mail-gw/parsers/cd401.yaml", 2, 27)]),
    ("CD402", &[("content/vendors/acme/mail-gw/parsers/cd402.yaml", 4, 25)]),
    ("CD403", &[("content/vendors/acme/mail-gw/parsers/cd403.yaml", 9, 17)]),
    ("CD404", &[("content/vendors/acme/mail-gw/parsers/cd404.yaml", 3, 16)]),
    ("CD405", &[("content/vendors/acme/mail-gw/parsers/cd405.yaml", 4, 21)]),
    ("CD406", &[("content/vendors/acme/mail-gw/parsers/cd406.yaml", 4, 19)]),
    ("CD407", &[("content/vendors/acme/mail-gw/parsers/cd407.yaml", 3, 26)]),
    ("CD408", &[("content/vendors/acme/mail-gw/parsers/cd408.yaml", 9, 22)]),
    ("CD409", &[("content/vendors/acme/mail-gw/parsers/cd409.yaml", 7, 10)]),
    ("CD501", &[("content/rules/R-CD501.yaml", 5, 15)]),
    ("CD502", &[("content/rules/R-CD502.yaml", 1, 5)]),
    ("CD503", &[("content/models/M-CD503.yaml", 1, 5)]),
    ("CD504", &[("content/use-cases/cd504.yaml", 1, 5)]),
];

fn expected(code: &str) -> Vec<(String, u64, u64)> {
    let (_, positions) = FIRES_AT.iter().find(|(c, _)| *c == code).unwrap();
    positions
        .iter()
        .map(|&(file, line, column)| (file.to_string(), line, column))
        .collect()
}

#[test]
fn registry_rules_have_fixtures() {
    for rule in RULES {
        for variant in ["fires", "passes"] {
            let dir = lint_fixture(rule.code).join(variant);
            assert!(
                !overlay_files(&dir).is_empty(),
                "{} has no {variant} fixture at {}",
                rule.code,
                dir.display()
            );
        }
        assert!(
            FIRES_AT.iter().any(|(code, _)| *code == rule.code),
            "{} has no expected positions",
            rule.code
        );
    }
}

#[test]
fn expected_positions_name_registered_codes() {
    for (code, _) in FIRES_AT {
        assert!(RULES.iter().any(|rule| rule.code == *code), "{code} is not registered");
    }
}

#[test]
fn base_tree_lints_clean() {
    let tree = Tree::new(&[]);
    let report = tree.lint_json();
    assert_eq!(report["diagnostics"], serde_json::json!([]));
}

#[test]
fn fires_trees_report_code_at_positions() {
    for rule in RULES {
        let tree = Tree::for_rule(rule.code, "fires");
        assert_eq!(
            tree.positions(rule.code),
            expected(rule.code),
            "positions of {}",
            rule.code
        );
    }
}

#[test]
fn passes_trees_lack_rule_code() {
    for rule in RULES {
        let tree = Tree::for_rule(rule.code, "passes");
        assert_eq!(
            tree.positions(rule.code),
            Vec::new(),
            "{} fired on its passes tree",
            rule.code
        );
    }
}
