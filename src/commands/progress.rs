//! A progress bar on stderr, drawn only when stderr is a terminal so that
//! logs and CI output stay free of control sequences.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Returns a bar of `len` steps with `message`, hidden unless stderr is a terminal.
pub fn bar(len: usize, message: &'static str) -> ProgressBar {
    let target = if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let bar = ProgressBar::with_draw_target(Some(len as u64), target);
    if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} pages") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(message);
    bar
}
