//! Where each page lives in the output tree, and relative links between pages.
//!
//! Paths are built only from validated ids, so they cannot leave the output
//! directory. Links are always relative, so the tree can be moved or opened
//! from disk.

/// One page of the catalogue, independent of the output format.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum PageRef<'a> {
    Landing,
    DataSources,
    Categories,
    UseCases,
    Coverage,
    UseCase(&'a str),
    Product {
        vendor: &'a str,
        product: &'a str,
    },
    ProductUseCase {
        vendor: &'a str,
        product: &'a str,
        use_case: &'a str,
    },
    Parser(&'a str),
}

impl PageRef<'_> {
    /// Returns the page's path relative to the output root, with extension `ext`.
    pub fn path(&self, ext: &str) -> String {
        match self {
            PageRef::Landing if ext == "md" => "README.md".to_string(),
            PageRef::Landing => format!("index.{ext}"),
            PageRef::DataSources => format!("data-sources.{ext}"),
            PageRef::Categories => format!("categories.{ext}"),
            PageRef::UseCases => format!("use-cases.{ext}"),
            PageRef::Coverage => format!("attack-coverage.{ext}"),
            PageRef::UseCase(id) => format!("use-cases/{id}.{ext}"),
            PageRef::Product { vendor, product } => format!("data-sources/{vendor}/{product}.{ext}"),
            PageRef::ProductUseCase {
                vendor,
                product,
                use_case,
            } => {
                format!("data-sources/{vendor}/{product}/{use_case}.{ext}")
            }
            PageRef::Parser(id) => format!("parsers/{id}.{ext}"),
        }
    }
}

/// Returns the path of the ATT&CK Navigator layer of the whole catalogue,
/// relative to the HTML output root.
pub fn catalogue_layer() -> String {
    "attack-navigator/catalogue.json".to_string()
}

/// Returns the path of the ATT&CK Navigator layer of one product, relative
/// to the HTML output root.
pub fn product_layer(vendor: &str, product: &str) -> String {
    format!("attack-navigator/{vendor}/{product}.json")
}

/// Returns the link from the page at `from` to the file at `to`, both relative to the output root.
pub fn relative(from: &str, to: &str) -> String {
    let from_dirs: Vec<&str> = from.split('/').collect();
    let from_dirs = &from_dirs[..from_dirs.len() - 1];
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dirs
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count()
        .min(to_parts.len() - 1);
    let mut link = "../".repeat(from_dirs.len() - common);
    link.push_str(&to_parts[common..].join("/"));
    link
}

#[cfg(test)]
mod tests {
    use super::relative;

    #[test]
    fn relative_to_sibling() {
        assert_eq!(relative("use-cases/a.md", "use-cases/b.md"), "b.md");
    }

    #[test]
    fn relative_up_and_down() {
        assert_eq!(
            relative("data-sources/cisco/ironport.md", "parsers/p.md"),
            "../../parsers/p.md"
        );
        assert_eq!(
            relative("README.md", "data-sources/cisco/ironport.md"),
            "data-sources/cisco/ironport.md"
        );
        assert_eq!(
            relative(
                "data-sources/cisco/ironport.md",
                "data-sources/cisco/ironport/phishing.md"
            ),
            "ironport/phishing.md"
        );
    }
}
