//! "Did you mean" suggestions for misspelt keys and ids.

/// Returns the choice nearest to `input`, if one is near enough to be a likely typo.
///
/// Nearness is the Jaro-Winkler similarity, which favours a shared prefix,
/// as ids of one family usually have (`dlp-email-alert-in`, `dlp-email-alert-out`).
pub fn closest<'a>(input: &str, choices: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input = input.to_lowercase();
    let choices: Vec<&'a str> = choices.into_iter().collect();
    // The same text in another letter case is the likeliest intent, however
    // similar other choices are.
    if let Some(same) = choices.iter().find(|choice| choice.to_lowercase() == input) {
        return Some(same);
    }
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
    fn closest_prefers_other_letter_case() {
        let choices = ["dlp-email-alert-out", "dlp-email-block-out"];
        assert_eq!(closest("DLP-email-block-out", choices), Some("dlp-email-block-out"));
    }

    #[test]
    fn closest_rejects_unrelated_text() {
        assert_eq!(closest("zzz", ["phishing"]), None);
    }
}
