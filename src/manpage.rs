//! Man pages generated from the command-line definition (`clap_mangen`), so that they never
//! drift from `--help`.

use anyhow::{Context, Result};
use std::path::Path;

/// Render the main page to stdout, or with `dir` write `verbatim.1` and one
/// `verbatim-COMMAND.1` per subcommand there.
pub fn write(cmd: clap::Command, dir: Option<&Path>) -> Result<()> {
    match dir {
        None => {
            let mut out = std::io::stdout().lock();
            clap_mangen::Man::new(cmd)
                .render(&mut out)
                .context("cannot write the man page to stdout")?;
        }
        Some(dir) => {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create {dir:?}"))?;
            clap_mangen::generate_to(cmd, dir)
                .with_context(|| format!("cannot write man pages into {dir:?}"))?;
            eprintln!("man pages written into {dir:?}");
        }
    }
    Ok(())
}
