//! The extractors of a course page's handlers (`/courses/{id}...`): the
//! signed-in caller and the course of the path with access checked before the
//! handler runs (`CourseRead`, `CourseWrite`), or a posted form (`CoursePost`:
//! sign-in, path, form, then the access check).

use crate::error::AppError;
use crate::html::form::Pairs;
use crate::identity::SignedIn;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::Form;
use rapport_app::access::course::{course_for, CourseContext};
use rapport_app::access::Purpose;
use rapport_app::caller::Identity;
use rapport_app::AppState;
use serde::de::DeserializeOwned;
use std::collections::HashMap;

/// A signed-in request about the course `{id}` of its path, with access to it
/// checked before the handler runs: for a change (`WRITE`), else as an audited
/// read. A course that is missing or outside the caller's caseload is 404.
pub struct CourseAccess<const WRITE: bool> {
    pub state: AppState,
    pub me: Identity,
    pub cx: CourseContext,
}

/// The course of the path, read (the read is audited).
pub type CourseRead = CourseAccess<false>;
/// The course of the path, for a change.
pub type CourseWrite = CourseAccess<true>;

/// A form posted about the course `{id}` of its path, for a change: the
/// caller, the course (access checked after the form is read) and the form.
pub struct CoursePost<F = Pairs> {
    pub state: AppState,
    pub me: Identity,
    pub cx: CourseContext,
    pub form: F,
}

/// The signed-in caller and the course id of the path.
async fn caller_and_course(parts: &mut Parts, state: &AppState) -> Result<(Identity, String), Response> {
    let SignedIn(me) = SignedIn::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
    let Path(params) =
        Path::<HashMap<String, String>>::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
    Ok((me, params.get("id").cloned().unwrap_or_default()))
}

/// The course with its header's scores (latest primary score, open flag).
async fn course(state: &AppState, me: &Identity, id: &str, purpose: Purpose) -> Result<CourseContext, Response> {
    let mut cx = course_for(state, me, id, purpose).await.map_err(|e| AppError::from(e).into_response())?;
    cx.headline =
        rapport_app::scores::course_headline(state, &cx).await.map_err(|e| AppError::from(e).into_response())?;
    Ok(cx)
}

impl<const WRITE: bool> FromRequestParts<AppState> for CourseAccess<WRITE> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let (me, id) = caller_and_course(parts, state).await?;
        let purpose = if WRITE { Purpose::Write } else { Purpose::AuditRead };
        let cx = course(state, &me, &id, purpose).await?;
        Ok(CourseAccess { state: state.clone(), me, cx })
    }
}

impl<F: DeserializeOwned + Send> FromRequest<AppState> for CoursePost<F> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Response> {
        let (mut parts, body) = req.into_parts();
        let (me, id) = caller_and_course(&mut parts, state).await?;
        let Form(form) = Form::<F>::from_request(Request::from_parts(parts, body), state)
            .await
            .map_err(IntoResponse::into_response)?;
        let cx = course(state, &me, &id, Purpose::Write).await?;
        Ok(CoursePost { state: state.clone(), me, cx, form })
    }
}
