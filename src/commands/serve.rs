//! `contentdoc serve`: preview the HTML site and rebuild it on change.

use std::sync::Arc;

use anyhow::Context as _;
use tracing::{info, warn};

use super::Status;
use crate::cli::ServeArgs;
use crate::serve::{Builder, Changes, Shared, serve_requests, watch};

/// Worker threads that serve requests. Pages poll once a second, so a few suffice.
const WORKERS: usize = 4;

/// Serves the site until the process is stopped.
pub fn run(args: &ServeArgs) -> anyhow::Result<Status> {
    if !args.bind.is_loopback() {
        warn!(bind = %args.bind, "serving on a non-loopback address: other machines can read the site");
    }
    let server = tiny_http::Server::http((args.bind, args.port))
        .map_err(|error| anyhow::anyhow!("cannot listen on {}:{}: {error}", args.bind, args.port))?;
    let address = server
        .server_addr()
        .to_ip()
        .context("the server is not listening on an IP address")?;
    ctrlc::set_handler(|| std::process::exit(0)).context("cannot install the Ctrl-C handler")?;

    let shared = Arc::new(Shared::default());
    let base_url = format!("http://{address}/");
    let mut builder = Builder::new(args.content.clone(), args.templates.clone(), base_url.clone());
    builder.build(&shared, &Changes::default());

    let server = Arc::new(server);
    for _ in 0..WORKERS {
        let server = Arc::clone(&server);
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || serve_requests(&server, &shared));
    }
    watch(builder, &shared, || {
        info!(%address, "serving");
        println!("serving {base_url} (press Ctrl-C to stop)");
    })?;
    Ok(Status::Clean)
}
