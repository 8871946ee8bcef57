//! SMART Backend Services (decision 43): machine clients an administrator
//! registers with their public keys and the scopes they may have; the
//! client-credentials grant that turns a signed JWT assertion (RS384 or
//! ES384) into a five-minute access token; and the caller such a token
//! stands for. A machine client reads across the organisation, like an
//! administrator who could see records, but only the resource types its
//! scopes name, never process notes, and every read is audited in its name.

use crate::access::require_admin;
use crate::caller::{new_secret, secret_hash, Identity, RequestMeta};
use crate::{AppResult, AppState, Error};
use jsonwebtoken::jwk::{Jwk, JwkSet};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use rapport_core::audit::{action, AuditEvent, Outcome};
use rapport_core::smart::Scopes;
use rapport_core::{Id, Timestamp};
use rapport_store::fhir::FhirClientRow;
use serde::Deserialize;

/// How long an access token lives, and the furthest an assertion's `exp` may lie ahead.
pub const TOKEN_SECONDS: i64 = 300;
/// Access tokens start so, which tells them from personal API tokens (`rpt_`).
pub const TOKEN_PREFIX: &str = "rsys_";
pub const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
/// Clock skew allowed when checking `exp` and `nbf`.
const LEEWAY_SECONDS: u64 = 30;

/// A machine client calling with a live access token.
#[derive(Clone, Debug)]
pub struct SystemCaller {
    pub client: FhirClientRow,
    /// What this token was granted (a subset of what the client may have).
    pub scopes: Scopes,
    pub meta: RequestMeta,
}

impl SystemCaller {
    /// An audit event in the machine client's name.
    pub fn event(&self, action: &str, resource_type: &str) -> AuditEvent {
        AuditEvent {
            actor_id: Some(self.client.id.to_string()),
            actor_label: format!("machine client \"{}\"", self.client.name),
            action: action.into(),
            resource_type: resource_type.into(),
            ip: self.meta.ip.clone(),
            user_agent: self.meta.user_agent.clone(),
            outcome: Outcome::Success.as_str().into(),
            ..Default::default()
        }
    }

    /// Refuses (403) a resource type the token's scopes do not cover.
    pub fn require(&self, kind: &str) -> AppResult<()> {
        if self.scopes.allows(kind) {
            Ok(())
        } else {
            Err(Error::Forbidden(format!("This access token's scopes do not include system/{kind}.read.")))
        }
    }
}

/// The caller an access token stands for: unknown, expired or of a disabled client is 401.
#[crate::boxing::boxed_future]
pub async fn system_caller(state: &AppState, token: &str, meta: &RequestMeta) -> AppResult<SystemCaller> {
    let (client, granted) =
        state.store.fhir_token(&secret_hash(token), Timestamp::now()).await?.ok_or(Error::Unauthenticated)?;
    let scopes = Scopes::parse(&granted).map_err(Error::internal)?;
    Ok(SystemCaller { client, scopes, meta: meta.clone() })
}

// ---- Registration ------------------------------------------------------------

/// Who registers or disables a client: an administrator signed in, or the
/// operator at the command line (who holds the database already).
pub enum Registrar<'a> {
    Admin(&'a Identity),
    CommandLine,
}

impl Registrar<'_> {
    async fn event(&self, state: &AppState, action: &str) -> AppResult<AuditEvent> {
        match self {
            Registrar::Admin(me) => {
                require_admin(state, me, "fhir_client").await?;
                Ok(me.event(action, "fhir_client"))
            }
            Registrar::CommandLine => {
                Ok(RequestMeta::default().event("command line", action, "fhir_client", Outcome::Success))
            }
        }
    }
}

/// What an administrator types to register a client.
pub struct NewClient<'a> {
    pub name: &'a str,
    /// A JWKS (`{"keys": [...]}`) or one JWK, public keys only.
    pub jwks: &'a str,
    pub scopes: &'a str,
}

/// Reads pasted keys: a JWKS or a single JWK, each an RSA or P-384 public
/// key that can verify RS384 or ES384. A private key is refused, so that a
/// pasted secret is never stored.
pub fn read_keys(text: &str) -> Result<JwkSet, String> {
    let value: serde_json::Value =
        serde_json::from_str(text.trim()).map_err(|_| "The keys are not JSON (a JWKS: {\"keys\": [...]}).")?;
    let value = if value.get("keys").is_some() { value } else { serde_json::json!({ "keys": [value] }) };
    let keys = value["keys"].as_array().filter(|k| !k.is_empty()).ok_or("The key set holds no keys.")?;
    if keys.iter().any(|k| k.get("d").is_some()) {
        return Err("That is a private key: paste only the public key (no \"d\" member).".into());
    }
    let set: JwkSet = serde_json::from_value(value.clone()).map_err(|e| format!("A key cannot be read: {e}."))?;
    for k in &set.keys {
        usable_key(k)?;
    }
    Ok(set)
}

fn usable_key(k: &Jwk) -> Result<DecodingKey, String> {
    use jsonwebtoken::jwk::{AlgorithmParameters, EllipticCurve};
    match &k.algorithm {
        AlgorithmParameters::RSA(_) => {}
        AlgorithmParameters::EllipticCurve(ec) if ec.curve == EllipticCurve::P384 => {}
        _ => return Err("Each key must be an RSA key (RS384) or an EC P-384 key (ES384).".into()),
    }
    DecodingKey::from_jwk(k).map_err(|e| format!("A key cannot be used: {e}."))
}

pub async fn register(state: &AppState, by: Registrar<'_>, input: &NewClient<'_>) -> AppResult<FhirClientRow> {
    let mut e = by.event(state, action::FHIR_CLIENT_CREATE).await?;
    let name = input.name.trim();
    if name.is_empty() || name.chars().count() > 80 {
        return Err(Error::invalid("name", "Give the client a name of at most 80 characters."));
    }
    read_keys(input.jwks).map_err(|m| Error::invalid("jwks", m))?;
    let scopes = Scopes::parse(input.scopes).map_err(|m| Error::invalid("scopes", m))?;
    if scopes.is_empty() {
        return Err(Error::invalid("scopes", "Name at least one scope, e.g. system/*.read."));
    }
    e.detail = Some(format!("{name:?}: {}", scopes.to_text()));
    let created_by = match &by {
        Registrar::Admin(me) => Some(&me.user.id),
        Registrar::CommandLine => None,
    };
    Ok(state.store.create_fhir_client(name, input.jwks.trim(), &scopes.to_text(), created_by, e).await?)
}

pub async fn list(state: &AppState, by: Registrar<'_>) -> AppResult<Vec<FhirClientRow>> {
    if let Registrar::Admin(me) = by {
        require_admin(state, me, "fhir_client").await?;
    }
    Ok(state.store.fhir_clients().await?)
}

/// Disables a client at once: its tokens stop working. An unknown or already disabled client is 404.
pub async fn disable(state: &AppState, by: Registrar<'_>, id: &str) -> AppResult<()> {
    let e = by.event(state, action::FHIR_CLIENT_DISABLE).await?;
    let id = Id::parse(id).ok_or(Error::NotFound)?;
    if state.store.disable_fhir_client(&id, e).await? {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

// ---- The token endpoint ------------------------------------------------------

/// A token request as posted (form fields).
#[derive(Debug, Default, Deserialize)]
pub struct TokenRequest {
    pub grant_type: Option<String>,
    pub client_assertion_type: Option<String>,
    pub client_assertion: Option<String>,
    pub scope: Option<String>,
}

/// A refused token request, as OAuth names it (RFC 6749 §5.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthError {
    /// `invalid_request`, `invalid_client`, `invalid_grant`, `invalid_scope`, `unsupported_grant_type`.
    pub error: &'static str,
    pub description: String,
}

impl OAuthError {
    fn new(error: &'static str, description: impl Into<String>) -> Self {
        OAuthError { error, description: description.into() }
    }
    /// 401 for a client that could not be authenticated, 503 for a fault on
    /// our side (try again), else 400.
    pub fn status(&self) -> u16 {
        match self.error {
            "invalid_client" => 401,
            "server_error" => 503,
            _ => 400,
        }
    }
}

/// An access token granted.
#[derive(Debug, Clone)]
pub struct Issued {
    pub access_token: String,
    pub scope: String,
    pub expires_in: i64,
}

#[derive(Debug, Deserialize)]
struct Claims {
    iss: String,
    exp: i64,
    #[serde(default)]
    jti: Option<String>,
}

/// The client-credentials grant with a JWT assertion. `token_url` is this
/// endpoint's address, which the assertion's `aud` must name.
#[crate::boxing::boxed_future]
pub async fn issue_token(
    state: &AppState,
    req: &TokenRequest,
    token_url: &str,
    meta: &RequestMeta,
) -> Result<Issued, OAuthError> {
    let (result, client) = match grant(state, req, token_url).await {
        Ok((issued, client)) => (Ok(issued), Some(client)),
        Err((e, client)) => (Err(e), client),
    };
    match (&result, client) {
        (Ok(issued), Some(client)) => {
            let caller = SystemCaller { client, scopes: Scopes::default(), meta: meta.clone() };
            let mut e = caller.event(action::FHIR_TOKEN_ISSUE, "fhir_client");
            e.detail = Some(issued.scope.clone());
            let expires = Timestamp::now().plus(time::Duration::seconds(TOKEN_SECONDS));
            state
                .store
                .store_fhir_token(&secret_hash(&issued.access_token), &caller.client.id, &issued.scope, expires, e)
                .await
                .map_err(|err| {
                    tracing::error!(error = %err, "storing an access token failed");
                    OAuthError::new("server_error", "The token could not be stored; try again.")
                })?;
        }
        (Err(refusal), client) => {
            let label = client
                .as_ref()
                .map_or("unknown machine client".to_string(), |c| format!("machine client \"{}\"", c.name));
            let mut e = meta.event(&label, action::FHIR_TOKEN_REFUSED, "fhir_client", Outcome::Denied);
            e.actor_id = client.map(|c| c.id.to_string());
            e.detail = Some(format!("{}: {}", refusal.error, refusal.description));
            if let Err(err) = state.store.audit(e).await {
                tracing::error!(error = %err, "auditing a refused token request failed");
            }
        }
        (Ok(_), None) => unreachable!("a grant always names its client"),
    }
    result
}

type Refusal = (OAuthError, Option<FhirClientRow>);

async fn grant(state: &AppState, req: &TokenRequest, token_url: &str) -> Result<(Issued, FhirClientRow), Refusal> {
    let refuse = |error, text: &str| (OAuthError::new(error, text), None);
    match req.grant_type.as_deref() {
        Some("client_credentials") => {}
        Some(_) => return Err(refuse("unsupported_grant_type", "Only grant_type=client_credentials is supported.")),
        None => return Err(refuse("invalid_request", "grant_type is missing.")),
    }
    if req.client_assertion_type.as_deref() != Some(ASSERTION_TYPE) {
        return Err(refuse("invalid_request", &format!("client_assertion_type must be {ASSERTION_TYPE}.")));
    }
    let assertion = req
        .client_assertion
        .as_deref()
        .filter(|a| !a.is_empty())
        .ok_or_else(|| refuse("invalid_request", "client_assertion is missing."))?;
    let header =
        jsonwebtoken::decode_header(assertion).map_err(|_| refuse("invalid_client", "The assertion is not a JWT."))?;
    if !matches!(header.alg, Algorithm::RS384 | Algorithm::ES384) {
        return Err(refuse("invalid_client", "The assertion must be signed with RS384 or ES384."));
    }
    // Who it claims to come from, read before the signature is checked only
    // to find the keys to check it with.
    let mut peek = Validation::new(header.alg);
    peek.insecure_disable_signature_validation();
    peek.validate_exp = false;
    peek.validate_aud = false;
    peek.required_spec_claims.clear();
    let unverified = jsonwebtoken::decode::<Claims>(assertion, &DecodingKey::from_secret(&[]), &peek)
        .map_err(|_| refuse("invalid_client", "The assertion's claims cannot be read (iss, sub, aud, exp, jti)."))?;
    let client = match Id::parse(&unverified.claims.iss) {
        Some(id) => state.store.fhir_client(&id).await.map_err(|_| refuse("server_error", "Try again."))?,
        None => None,
    };
    let client = client
        .filter(|c| c.disabled_at.is_none())
        .ok_or_else(|| refuse("invalid_client", "iss names no registered, enabled client."))?;
    let with = |error, text: String| (OAuthError::new(error, text), Some(client.clone()));
    let keys = read_keys(&client.jwks).map_err(|m| with("invalid_client", m))?;
    let mut validation = Validation::new(header.alg);
    validation.set_audience(&[token_url]);
    validation.set_issuer(&[client.id.as_str()]);
    validation.sub = Some(client.id.to_string());
    validation.set_required_spec_claims(&["exp", "iss", "sub", "aud"]);
    validation.leeway = LEEWAY_SECONDS;
    let candidates = keys.keys.iter().filter(|k| header.kid.is_none() || k.common.key_id == header.kid);
    let mut verified = None;
    let mut last_error = "no registered key has that kid".to_string();
    for k in candidates {
        let Ok(key) = usable_key(k) else { continue };
        match jsonwebtoken::decode::<Claims>(assertion, &key, &validation) {
            Ok(data) => {
                verified = Some(data.claims);
                break;
            }
            Err(e) => last_error = e.to_string(),
        }
    }
    let claims = verified.ok_or_else(|| {
        with(
            "invalid_client",
            format!(
                "The assertion does not verify ({last_error}); iss and sub must be the client id and aud {token_url}."
            ),
        )
    })?;
    let now = Timestamp::now().datetime().unix_timestamp();
    if claims.exp > now + TOKEN_SECONDS + LEEWAY_SECONDS as i64 {
        return Err(with("invalid_client", "exp may be at most five minutes ahead.".into()));
    }
    let jti = claims
        .jti
        .filter(|j| !j.is_empty() && j.len() <= 255)
        .ok_or_else(|| with("invalid_client", "jti is missing.".into()))?;
    let expires = Timestamp::from_unix_micros(claims.exp.saturating_mul(1_000_000))
        .ok_or_else(|| with("invalid_client", "exp cannot be read.".into()))?;
    let fresh = state
        .store
        .accept_assertion_jti(&client.id, &jti, expires)
        .await
        .map_err(|_| with("server_error", "Try again.".into()))?;
    if !fresh {
        return Err(with("invalid_client", "This assertion (its jti) was used already.".into()));
    }
    let asked = Scopes::parse(req.scope.as_deref().unwrap_or("")).map_err(|m| with("invalid_scope", m))?;
    let allowed = Scopes::parse(&client.scopes).map_err(|m| with("server_error", m))?;
    let granted = asked.intersect(&allowed);
    if granted.is_empty() {
        return Err(with(
            "invalid_scope",
            format!("None of the scopes asked for is allowed; this client may have: {}.", client.scopes),
        ));
    }
    let issued = Issued {
        access_token: format!("{TOKEN_PREFIX}{}", new_secret()),
        scope: granted.to_text(),
        expires_in: TOKEN_SECONDS,
    };
    Ok((issued, client))
}
