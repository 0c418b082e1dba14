//! `resumec themes`: list the built-in themes, or eject one's files.

use resumec::model::types::Theme;
use resumec::render::design::Tokens;
use resumec::render::eject::{EjectError, eject};
use resumec::render::layouts::Layouts;

use super::CliError;
use super::args::{ThemesAction, ThemesArgs};

pub fn themes(args: &ThemesArgs) -> Result<(), CliError> {
    match &args.action {
        None => {
            let layouts = Layouts::default();
            let width = Theme::ALL.iter().map(|t| t.name().len()).max().unwrap_or(0);
            for theme in Theme::ALL {
                let tokens = Tokens::of_theme(theme, &layouts)
                    .map_err(|e| CliError::Failure(e.to_string()))?;
                println!("{:width$}  {}", theme.name(), tokens.description);
            }
            Ok(())
        }
        Some(ThemesAction::Eject { name, dir, force }) => {
            let theme = Theme::from_name(name)
                .ok_or_else(|| CliError::Usage(format!("there is no theme `{name}`")))?;
            let written = eject(theme, dir, *force).map_err(|error| match error {
                EjectError::Exists(_) => CliError::Usage(error.to_string()),
                EjectError::Write { .. } => CliError::Failure(error.to_string()),
            })?;
            for path in &written {
                println!("wrote {}", path.display());
            }
            eprintln!(
                "build with them: resumec build --layouts {} --set design.theme={name}",
                dir.display()
            );
            Ok(())
        }
    }
}
