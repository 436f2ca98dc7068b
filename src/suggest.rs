//! "Did you mean" suggestions for misspelt keys and ids.

/// Returns the choice nearest to `input`, if one is near enough to be a likely typo.
///
/// Nearness is the Jaro-Winkler similarity, which favours a shared prefix,
/// as ids of one family usually have (`dlp-email-alert-in`, `dlp-email-alert-out`).
pub fn closest<'a>(input: &str, choices: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input = input.to_lowercase();
    choices
        .into_iter()
        .map(|choice| (strsim::jaro_winkler(&input, &choice.to_lowercase()), choice))
        .filter(|(score, _)| *score >= 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, choice)| choice)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn closest_finds_typo() {
        let choices = ["phishing", "data-exfiltration"];
        assert_eq!(closest("phising", choices), Some("phishing"));
    }

    #[test]
    fn closest_rejects_unrelated_text() {
        assert_eq!(closest("zzz", ["phishing"]), None);
    }
}
