//! The administrators' page for cultural adaptation: every adaptation the
//! installation has, with what it changes in each language, and which one
//! the organisation and each site use (docs/i18n.md).

use crate::error::{AppError, AppResult};
use crate::html::{render, FormErrors};
use crate::i18n::current;
use crate::identity::SignedIn;
use crate::ui::Layout;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::adaptations::{self, Overview};
use rapport_app::{AppState, Identity};
use rapport_core::ValidationErrors;
use serde::Deserialize;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/admin/adaptations", show).post("/admin/adaptations", choose)
}

#[derive(Deserialize, Default, Debug)]
pub struct DoneParam {
    pub done: Option<String>,
}

#[derive(Deserialize, Default, Debug)]
pub struct ChoiceForm {
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub adaptation: String,
}

/// (message id, the adaptation's text, the interface's own text).
type Change = (String, String, String);

/// One adaptation as the page lists it.
struct Shown {
    name: String,
    title: String,
    origin: String,
    /// (language tag, language's own name, what it changes there).
    languages: Vec<(String, String, Vec<Change>)>,
}

#[derive(Template)]
#[template(path = "admin_adaptations.html")]
struct AdaptationsPage {
    layout: Layout,
    adaptations: Vec<Shown>,
    organisation: Option<String>,
    /// (site id, site name, chosen adaptation).
    sites: Vec<(String, String, Option<String>)>,
    errors: FormErrors,
    /// The scope whose form failed (its error is shown beside it).
    failed_scope: String,
}

fn shown(o: &Overview) -> Vec<Shown> {
    let tr = current();
    o.adaptations
        .iter()
        .map(|a| Shown {
            name: a.name().to_string(),
            title: a.title(tr.lang()),
            origin: if a.origin() == "shipped" { tr.t("adaptation-shipped") } else { a.origin().to_string() },
            languages: a
                .languages()
                .into_iter()
                .map(|lang| {
                    let own = rapport_i18n::Tr::new(lang);
                    let name = rapport_i18n::SHIPPED.iter().find(|(c, _)| *c == lang).map(|(_, n)| *n).unwrap_or(lang);
                    // Crisis lines are the organisation's (Settings) until an adaptation words its own.
                    let instead = |id: &str| {
                        if id == rapport_i18n::CRISIS_RESOURCES {
                            own.t("adaptation-crisis-instead")
                        } else {
                            own.t(id)
                        }
                    };
                    let rows =
                        a.overrides(lang).iter().map(|(id, text)| (id.clone(), text.clone(), instead(id))).collect();
                    (lang.to_string(), name.to_string(), rows)
                })
                .collect(),
        })
        .collect()
}

async fn page(
    state: &AppState,
    me: &Identity,
    errors: ValidationErrors,
    failed_scope: String,
    done: Option<&str>,
) -> AppResult<AdaptationsPage> {
    let overview = adaptations::overview(state, me).await?;
    let layout =
        Layout::new(state, me, current().t("adaptation-page-title"), "admin-adaptations").await?.with_done(done);
    Ok(AdaptationsPage {
        adaptations: shown(&overview),
        organisation: overview.organisation.clone(),
        sites: overview.sites.iter().map(|(s, c)| (s.id.to_string(), s.name.clone(), c.clone())).collect(),
        layout,
        errors: FormErrors(errors),
        failed_scope,
    })
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(q): Query<DoneParam>,
) -> AppResult<Html<String>> {
    render(&page(&state, &me, ValidationErrors::new(), String::new(), q.done.as_deref()).await?)
}

pub async fn choose(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(form): Form<ChoiceForm>,
) -> AppResult<Response> {
    match adaptations::choose(&state, &me, &form.scope, &form.adaptation).await.map_err(AppError::from) {
        Ok(()) => Ok(Redirect::to("/admin/adaptations?done=adaptation").into_response()),
        Err(AppError::Invalid(errors)) => {
            let p = page(&state, &me, errors, form.scope, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
        }
        Err(e) => Err(e),
    }
}
