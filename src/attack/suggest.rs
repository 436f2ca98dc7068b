//! "Did you mean" suggestions for unknown or revoked technique ids.

use super::AttackData;

/// Maximum optimal string alignment distance (an edit distance that counts a swap of two
/// neighbouring characters as one edit) between an unknown id and a suggested one.
const MAX_SUGGESTION_DISTANCE: usize = 2;

impl AttackData {
    /// Suggests a current (neither revoked nor deprecated) technique id for `id`.
    ///
    /// The comparison ignores case and surrounding whitespace. A revoked id leads to its
    /// replacement, following revoked-by until a current technique. Any other id leads to
    /// the current id within `MAX_SUGGESTION_DISTANCE` edits, the lowest id on a tie.
    /// Returns None when no id is that close.
    pub fn closest_technique_id(&self, id: &str) -> Option<&str> {
        let normalized = id.trim().to_ascii_uppercase();
        if let Some(replacement) = self.current_replacement(&normalized) {
            return Some(replacement);
        }

        self.techniques
            .values()
            .filter(|technique| technique.is_current())
            .map(|technique| (strsim::osa_distance(&normalized, &technique.id), &technique.id))
            .filter(|(distance, _)| *distance <= MAX_SUGGESTION_DISTANCE)
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, id)| id.as_str())
    }

    /// Follows revoked-by from `id` to a current technique. The step limit stops a cycle.
    fn current_replacement(&self, id: &str) -> Option<&str> {
        let mut technique = self.technique(id)?;
        for _ in 0..self.techniques.len() {
            if technique.is_current() {
                return Some(&technique.id);
            }
            technique = self.technique(technique.replaced_by.as_deref()?)?;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_id_fixes_small_typos() {
        let data = AttackData::bundled();
        assert_eq!(data.closest_technique_id("t1078"), Some("T1078"));
        assert_eq!(data.closest_technique_id(" T1078.004 "), Some("T1078.004"));
        assert_eq!(data.closest_technique_id("T1078.04"), Some("T1078.004"));
        assert_eq!(data.closest_technique_id("T1078/004"), Some("T1078.004"));
        assert_eq!(data.closest_technique_id("1048"), Some("T1048"));
    }

    #[test]
    fn closest_id_follows_revoked_by() {
        let data = AttackData::bundled();
        assert_eq!(data.closest_technique_id("T1086"), Some("T1059.001"));
        // T1150 is revoked by T1547.011, which is itself revoked by T1647.
        assert_eq!(data.closest_technique_id("T1150"), Some("T1647"));
    }

    #[test]
    fn closest_id_skips_deprecated_techniques() {
        let data = AttackData::bundled();
        let suggestion = data.closest_technique_id("T1026");
        assert_ne!(suggestion, Some("T1026"));
        assert!(suggestion.is_some_and(|id| !data.technique(id).unwrap().deprecated));
    }

    #[test]
    fn closest_id_none_when_distant() {
        let data = AttackData::bundled();
        assert_eq!(data.closest_technique_id("valid accounts"), None);
        assert_eq!(data.closest_technique_id(""), None);
    }
}
