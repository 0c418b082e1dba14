//! The handlebars engine shared by template-driven backends: strict mode (a
//! typo in a template is an error, not a blank) and the `eq` helper.

use handlebars::{
    Context, Handlebars, Helper, HelperDef, RenderContext, RenderError, RenderErrorReason,
    ScopedJson,
};
use serde_json::Value;

/// A handlebars registry with resumec's conventions.
pub fn engine() -> Handlebars<'static> {
    let mut handlebars = Handlebars::new();
    handlebars.set_strict_mode(true);
    handlebars.register_helper("eq", Box::new(Eq));
    handlebars
}

/// `(eq a b c …)`: whether `a` equals any of the others.
struct Eq;

impl HelperDef for Eq {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        helper: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let first = helper
            .param(0)
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("eq", 0))?;
        let matched = helper.params()[1..]
            .iter()
            .any(|other| other.value() == first.value());
        Ok(ScopedJson::Derived(Value::Bool(matched)))
    }
}
