//! The text report of `contentdoc test`.

use std::fmt::Write as _;

use crate::samples::SampleRun;

/// Renders one line per failure, each sample failure followed by its field
/// table, then notes on overlapping parsers and the closing
/// `N passed, M failed` line. Returns the text and the number of failures.
pub(super) fn render(run: &SampleRun, selected: &[usize]) -> (String, usize) {
    let mut text = String::new();
    let mut passed = 0;
    let mut failed = 0;
    for &index in selected {
        let parser = &run.parsers[index];
        let file = parser.file.display();
        for problem in &parser.problems {
            failed += 1;
            let _ = writeln!(
                text,
                "FAIL {} ({file}:{}): {}",
                parser.id, problem.line, problem.message
            );
        }
        for sample in &parser.samples {
            let at = format!("{} sample {} ({file}:{})", parser.id, sample.number, sample.line);
            let others = &sample.result.other_parsers;
            if sample.result.outranked_by().is_none() && !others.is_empty() {
                let others: Vec<String> = others.iter().map(|id| format!("`{id}`")).collect();
                let _ = writeln!(
                    text,
                    "NOTE {at}: the conditions of {} also match this line",
                    others.join(", ")
                );
            }
            if sample.passed() {
                passed += 1;
                continue;
            }
            failed += 1;
            let _ = writeln!(text, "FAIL {at}: {}", sample.failures.join("; "));
            for row in sample.result.failure_table().lines() {
                let _ = writeln!(text, "    {row}");
            }
        }
    }
    let _ = writeln!(text, "{passed} passed, {failed} failed");
    (text, failed)
}
