//! `resumec variants`: the variants a résumé declares, with their descriptions.

use std::process::ExitCode;

use super::args::ValidateArgs;
use super::report_failure;
use resumec::build::check;

pub fn variants(args: &ValidateArgs) -> ExitCode {
    match check(&args.input.file) {
        Ok((loaded, _)) => {
            let variants = &loaded.resume.variants;
            if variants.is_empty() {
                println!("{} declares no variants", loaded.source.name());
            }
            let width = variants
                .keys()
                .map(|name| name.chars().count())
                .max()
                .unwrap_or(0);
            for (name, variant) in variants {
                println!("{name:width$}  {}", variant.description);
            }
            ExitCode::SUCCESS
        }
        Err(error) => report_failure(error),
    }
}
