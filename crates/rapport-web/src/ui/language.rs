//! The language switcher: a signed-in person's choice is saved to their
//! account (audited, by rapport-app); an anonymous visitor's is kept in a cookie.

use crate::error::{AppError, AppResult};
use crate::i18n::{language_cookie_header, AVAILABLE};
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use rapport_app::caller::Identity;
use rapport_app::AppState;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct LanguageForm {
    language: Option<String>,
    /// The page to go back to (a path on this site).
    back: Option<String>,
}

pub async fn switch(
    State(state): State<AppState>,
    identity: Option<Extension<Identity>>,
    Form(f): Form<LanguageForm>,
) -> AppResult<Response> {
    let language = f.language.as_deref().unwrap_or_default();
    let back = f.back.as_deref().filter(|b| local_path(b)).unwrap_or("/");
    match identity {
        Some(Extension(me)) => {
            rapport_app::account::set_language(&state, &me, language, &AVAILABLE).await?;
            Ok(Redirect::to(back).into_response())
        }
        None => {
            let Some(chosen) = AVAILABLE.iter().find(|a| a.eq_ignore_ascii_case(language.trim())) else {
                return Err(AppError::invalid("language", "Choose one of the languages listed"));
            };
            let mut resp = Redirect::to(back).into_response();
            resp.headers_mut().append(header::SET_COOKIE, language_cookie_header(&state.config, chosen));
            Ok(resp)
        }
    }
}

/// Only a path on this site: never another host (`//evil.example`, `/\evil`).
fn local_path(back: &str) -> bool {
    back.starts_with('/') && !back.starts_with("//") && !back.contains('\\') && !back.contains(['\r', '\n'])
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_local_paths_are_followed() {
        assert!(super::local_path("/account?done=language"));
        assert!(!super::local_path("//evil.example"));
        assert!(!super::local_path("https://evil.example"));
        assert!(!super::local_path("/\\evil.example"));
    }
}
