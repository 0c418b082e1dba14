//! `resumec variants`: the variants a résumé declares, with their descriptions.

use resumec::build::check;

use super::CliError;
use super::args::ValidateArgs;

pub fn variants(args: &ValidateArgs) -> Result<(), CliError> {
    let (loaded, _) = check(&args.input.file, &args.input.set)?;
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
    Ok(())
}
