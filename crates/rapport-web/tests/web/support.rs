//! Test harness: a real server on 127.0.0.1:0 over a fresh database, a
//! cookie-keeping HTTP client that behaves like a browser form, a JSON API
//! client, and the fixtures every area's tests share (one copy of each: add new
//! ones here rather than in a feature module).

use rapport_core::access::Role;
use rapport_core::audit::{action, AuditEvent, Outcome};
use rapport_core::Id;
use rapport_store::users::{NewUser, User};
use rapport_store::{OpenOptions, SecretsKey, Store, Target};
use rapport_web::{AppState, Config};
use reqwest::Method;
use serde_json::{json, Value};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::OnceLock;

pub const PASSWORD: &str = "test-password-for-rapport";

/// How old the accounts of [`TestApp::user`] are.
pub const ACCOUNT_AGE_DAYS: i64 = 40;

/// One Argon2 hash for every test user (hashing is deliberately slow).
pub fn password_hash() -> String {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| rapport_app::passwords::hash_now(PASSWORD)).clone()
}

pub struct TestApp {
    pub addr: SocketAddr,
    pub store: Store,
    /// SQLite file path or PostgreSQL URL, for tests that tamper with rows directly.
    pub db_url: String,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    _dir: Option<tempfile::TempDir>,
}

pub enum Backend {
    Sqlite,
    Postgres(String),
}

pub fn backends() -> Vec<Backend> {
    let mut v = vec![Backend::Sqlite];
    match std::env::var("RAPPORT_TEST_POSTGRES_URL") {
        Ok(url) => v.push(Backend::Postgres(url)),
        Err(_) => eprintln!("RAPPORT_TEST_POSTGRES_URL not set: PostgreSQL half skipped"),
    }
    v
}

/// Runs a scenario on every backend.
pub async fn on_each_backend<F, Fut>(f: F)
where
    F: Fn(TestApp) -> Fut,
    Fut: Future<Output = ()>,
{
    for b in backends() {
        let mut app = TestApp::spawn(b, Config { settings_ttl: std::time::Duration::ZERO, ..Default::default() }).await;
        // Kept past the test, which owns the app (and closes its store when
        // dropped), for the check below on the same database.
        let (url, dir) = (app.db_url.clone(), app._dir.take());
        f(app).await;
        let store = match &dir {
            Some(d) => Store::open(&Target::DataDir(d.path().to_path_buf()), OpenOptions::default()).await.unwrap(),
            None => Store::open(&Target::Url(url), postgres_options()).await.unwrap(),
        };
        assert_caseload_cards_match_a_rebuild(&store).await;
        drop(dir);
    }
}

/// How tests open a PostgreSQL store: a URL store takes its secrets key from
/// the options (a data-dir store uses its key file).
fn postgres_options() -> OpenOptions {
    let secrets =
        SecretsKey::Keys(std::sync::Arc::new(rapport_core::secrets::Keyring::new(&[[5; 32]]).expect("one key")));
    OpenOptions { max_connections: 8, secrets, ..Default::default() }
}

/// Every write keeps the caseload cards of the clients it changes
/// (`rapport_store::caseload_cards`): after any test's writes, the cards
/// equal what a rebuild from the records computes. Run after every test on
/// each backend, so each write path the suite takes is checked.
/// The same holds for the viewers' caseload lists (`rapport_store::caseload_lists`:
/// who may list each client, with its status, name and responsible clinician),
/// and the counts kept from them (`caseload_list_counts`) equal a count of them.
pub async fn assert_caseload_cards_match_a_rebuild(store: &Store) {
    let (kept_counts, counted) = store.caseload_list_counts_kept_and_counted().await.unwrap();
    assert_eq!(kept_counts, counted, "caseload list counts kept by the writes differ from a count of the lists");
    let (kept, kept_lists) = (store.caseload_cards_dump().await.unwrap(), store.caseload_lists_dump().await.unwrap());
    store.rebuild_caseload_cards().await.unwrap();
    let (rebuilt, rebuilt_lists) =
        (store.caseload_cards_dump().await.unwrap(), store.caseload_lists_dump().await.unwrap());
    let (kept_counts, counted) = store.caseload_list_counts_kept_and_counted().await.unwrap();
    assert_eq!(kept_counts, counted, "caseload list counts kept through a rebuild differ from a count of the lists");
    for (what, kept, rebuilt) in [("cards", kept, rebuilt), ("lists", kept_lists, rebuilt_lists)] {
        if kept != rebuilt {
            let stale: Vec<_> = kept.iter().filter(|l| !rebuilt.contains(l)).collect();
            let fresh: Vec<_> = rebuilt.iter().filter(|l| !kept.contains(l)).collect();
            panic!(
                "caseload {what} kept by the writes differ from a rebuild:\nkept:    {stale:#?}\nrebuilt: {fresh:#?}"
            );
        }
    }
}

impl TestApp {
    /// A first-run setup link valid for `valid_for` (negative: already expired); returns its page path.
    pub async fn setup_page(&self, valid_for: time::Duration) -> String {
        let token = rapport_app::caller::new_secret();
        self.store
            .create_setup_token(
                &rapport_app::caller::secret_hash(&token),
                rapport_core::Timestamp::now().plus(valid_for),
            )
            .await
            .unwrap();
        format!("/setup/{token}")
    }

    pub async fn spawn(backend: Backend, config: Config) -> TestApp {
        let (store, db_url, dir) = match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().unwrap();
                let store =
                    Store::open(&Target::DataDir(dir.path().to_path_buf()), OpenOptions::default()).await.unwrap();
                let url = format!("sqlite://{}", dir.path().join(rapport_store::DB_FILE).display());
                (store, url, Some(dir))
            }
            Backend::Postgres(base) => {
                let url = rapport_store::scratch_postgres_database(&base).await.unwrap();
                let store = Store::open(&Target::Url(url.clone()), postgres_options()).await.unwrap();
                (store, url, None)
            }
        };
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let state = AppState::new(store.clone(), config);
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            rapport_web::serve(listener, state, async {
                let _ = rx.await;
            })
            .await
            .unwrap();
        });
        TestApp { addr, store, db_url, shutdown: Some(tx), _dir: dir }
    }

    /// What someone with owner rights on the database does before tampering
    /// with the audit log (migration 0018 makes it append-only).
    pub async fn drop_audit_triggers(&self) {
        use sqlx::Connection;
        let mut conn = sqlx::AnyConnection::connect(&self.db_url).await.unwrap();
        let statements: &[&str] = if self.db_url.starts_with("postgres") {
            &["ALTER TABLE audit_log DISABLE TRIGGER USER", "ALTER TABLE audit_head DISABLE TRIGGER USER"]
        } else {
            &[
                "DROP TRIGGER audit_log_no_update",
                "DROP TRIGGER audit_log_no_delete",
                "DROP TRIGGER audit_head_no_delete",
                "DROP TRIGGER audit_head_forward_only",
            ]
        };
        for s in statements {
            sqlx::query(s).execute(&mut conn).await.unwrap();
        }
        conn.close().await.unwrap();
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub async fn user(&self, email: &str, role: Role) -> User {
        self.user_with(email, role, false).await
    }

    /// A user whose account is [`ACCOUNT_AGE_DAYS`] old, as production accounts
    /// are: a defect that shows only once an account outlives a session's
    /// lifetime once hid behind accounts created seconds before the test.
    pub async fn user_with(&self, email: &str, role: Role, practises: bool) -> User {
        let user = self.new_user_with(email, role, practises).await;
        let created = rapport_core::Timestamp::now().minus(time::Duration::days(ACCOUNT_AGE_DAYS));
        self.sql("UPDATE users SET created_at = $1 WHERE id = $2", &[&created.to_db(), user.id.as_str()]).await;
        self.store.user(&user.id).await.unwrap().unwrap()
    }

    /// Runs one statement with text parameters directly on the database, for
    /// tests that age or tamper with rows.
    pub async fn sql(&self, sql: &str, args: &[&str]) -> u64 {
        use sqlx::Connection;
        let mut conn = sqlx::AnyConnection::connect(&self.db_url).await.unwrap();
        let mut q = sqlx::query(sql);
        for a in args {
            q = q.bind(a.to_string());
        }
        let n = q.execute(&mut conn).await.unwrap().rows_affected();
        conn.close().await.unwrap();
        n
    }

    /// The one integer a query answers (e.g. a `COUNT(*)`), read directly.
    pub async fn scalar(&self, sql: &str, args: &[&str]) -> i64 {
        use rapport_store::row::Named;
        use sqlx::Connection;
        let mut conn = sqlx::AnyConnection::connect(&self.db_url).await.unwrap();
        let mut q = sqlx::query(sql);
        for a in args {
            q = q.bind(a.to_string());
        }
        let n = q.fetch_one(&mut conn).await.unwrap().col::<i64>("n").unwrap();
        conn.close().await.unwrap();
        n
    }

    /// A user created just now (for the few tests about brand-new accounts).
    pub async fn new_user_with(&self, email: &str, role: Role, practises: bool) -> User {
        self.store
            .create_user(
                NewUser {
                    email: email.into(),
                    name: format!("Test {email}"),
                    role,
                    practises,
                    password_hash: password_hash(),
                    site_id: None,
                },
                AuditEvent { resource_type: "user".into(), ..test_event("user.create") },
            )
            .await
            .unwrap()
    }

    pub async fn token_for(&self, user: &User) -> String {
        let token = format!("rpt_{}", rapport_app::caller::new_secret());
        self.store
            .create_token(
                &user.id,
                "test",
                &rapport_app::caller::secret_hash(&token),
                AuditEvent { resource_type: "api_token".into(), ..test_event("token.create") },
            )
            .await
            .unwrap();
        token
    }

    /// A browser-like client signed in as `email`.
    pub async fn browser_as(&self, email: &str) -> Browser {
        let b = Browser::new(self);
        let r = b.login(email, PASSWORD).await;
        assert_eq!(r.status(), 303, "login as {email} should succeed");
        b
    }

    /// How many audit entries record `action`.
    pub async fn count(&self, action: &str) -> usize {
        self.audit_entries(action).await.len()
    }

    /// How many audit entries record `action` on a `resource` (e.g. "record.create" on a "person").
    pub async fn count_for(&self, action: &str, resource: &str) -> usize {
        self.audit_entries(action).await.iter().filter(|e| e.event.resource_type == resource).count()
    }

    /// Every audit entry recording `action`.
    pub async fn audit_entries(&self, action: &str) -> Vec<rapport_core::audit::AuditEntry> {
        self.store
            .audit_entries(&rapport_store::AuditFilter {
                action: Some(action.into()),
                limit: 10_000,
                ..Default::default()
            })
            .await
            .unwrap()
    }

    /// The client's open risk flags, newest first.
    pub async fn open_flags(&self, client: &str) -> Vec<rapport_store::measures::RiskFlagRow> {
        let flags = self.store.client_risk_flags(&Id::parse(client).unwrap()).await.unwrap();
        flags.into_iter().filter(|f| f.status == rapport_core::risk::FlagStatus::Open).collect()
    }

    /// A person in `client`'s interpersonal inventory (a partner, inner circle),
    /// made directly in the store.
    pub async fn person(
        &self,
        client: &Id,
        by: &Id,
        name: &str,
    ) -> rapport_store::records::Record<rapport_core::inventory::Person> {
        let raw = rapport_core::inventory::RawPerson {
            display_name: Some(name.into()),
            relationship: Some("partner".into()),
            ring: Some("inner".into()),
            ..Default::default()
        };
        let person = rapport_core::inventory::validate_person(&raw, None).unwrap();
        let at = rapport_store::records::Placement { client_id: client.clone(), ..Default::default() };
        self.store.create_record(&at, &person, by, test_event("record.create")).await.unwrap()
    }

    /// A portal account for `client` made directly in the store (signing in with
    /// [`PASSWORD`]); returns its e-mail.
    pub async fn portal_account(&self, client: &Id, clinician: &Id, email: &str) -> String {
        let hash = rapport_app::caller::secret_hash(&format!("code-{}", Id::new()));
        let expires = rapport_core::Timestamp::now().plus(time::Duration::days(1));
        self.store
            .create_portal_invite(
                &hash,
                client,
                clinician,
                expires,
                rapport_core::portal::InvitePurpose::Join,
                None,
                &[],
                test_event(action::PORTAL_INVITE),
            )
            .await
            .unwrap();
        let joined = self
            .store
            .join_portal(&hash, email, "Portal Person", &password_hash(), test_event(action::PORTAL_JOIN))
            .await;
        assert!(matches!(joined.unwrap(), rapport_store::portal::Join::Joined(_)));
        email.to_string()
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

pub struct Browser {
    pub http: reqwest::Client,
    base: String,
}

impl Browser {
    pub fn new(app: &TestApp) -> Browser {
        Browser { http: http_client(true), base: format!("http://{}", app.addr) }
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http.get(format!("{}{}", self.base, path)).send().await.unwrap()
    }

    pub async fn text(&self, path: &str) -> (u16, String) {
        let r = self.get(path).await;
        (r.status().as_u16(), r.text().await.unwrap())
    }

    /// The CSRF token currently in the page at `path` (a page with a form).
    pub async fn csrf_from(&self, path: &str) -> String {
        let (_, body) = self.text(path).await;
        extract_csrf(&body).unwrap_or_else(|| panic!("no csrf field on {path}"))
    }

    /// Posts `form` as it is (no CSRF token added): pairs of `&str` or of `String`.
    pub async fn post_form<F: serde::Serialize + ?Sized>(&self, path: &str, form: &F) -> reqwest::Response {
        self.http.post(format!("{}{}", self.base, path)).form(form).send().await.unwrap()
    }

    /// Posts a form with the CSRF token taken from `page`.
    pub async fn submit(&self, page: &str, action: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let csrf = self.csrf_from(page).await;
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf", &csrf));
        self.post_form(action, &form).await
    }

    /// The value of the first form field called `name` on the page at `path`
    /// (e.g. the hidden `version` a form posts back).
    pub async fn field(&self, path: &str, name: &str) -> String {
        let (_, body) = self.text(path).await;
        let key = format!("name=\"{name}\" value=\"");
        let i = body.find(&key).unwrap_or_else(|| panic!("no field {name} on {path}")) + key.len();
        body[i..i + body[i..].find('"').unwrap()].to_string()
    }

    pub async fn login(&self, email: &str, password: &str) -> reqwest::Response {
        self.submit("/login", "/login", &[("email", email), ("password", password)]).await
    }

    /// Answers the questionnaire on `page` (a measure link, a portal form, the
    /// clinician's form): the `items` (see [`answers`]) and the `extra` fields,
    /// with the page's CSRF token, posted to `action`.
    pub async fn answer(
        &self,
        page: &str,
        action: &str,
        items: &[(String, String)],
        extra: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut fields: Vec<(&str, &str)> = items.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        fields.extend_from_slice(extra);
        self.submit(page, action, &fields).await
    }

    /// Adds a client through the New client page (303 insisted on); returns its id.
    pub async fn new_client(&self, name: &str) -> Id {
        self.new_client_with(&[("display_name", name)]).await
    }

    /// Adds a client with these fields through the New client page (303 insisted on).
    pub async fn new_client_with(&self, fields: &[(&str, &str)]) -> Id {
        let r = self.submit("/clients/new", "/clients/new", fields).await;
        assert_eq!(r.status(), 303, "the client is created: {fields:?}");
        id_from_location(&r)
    }

    /// A course for `client` through its New course page: the course page's path.
    pub async fn new_course(&self, client: &str, fields: &[(&str, &str)]) -> String {
        let page = format!("/clients/{client}/courses/new");
        let r = self.submit(&page, &page, fields).await;
        assert_eq!(r.status(), 303, "the course is created: {fields:?}");
        location(&r).split('?').next().unwrap().to_string()
    }
}

/// The HTTP client of the tests: redirects are not followed (tests look at
/// them); with `cookies`, it keeps them as a browser does.
pub fn http_client(cookies: bool) -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(cookies)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent("rapport-tests")
        .build()
        .unwrap()
}

pub fn extract_csrf(html: &str) -> Option<String> {
    let i = html.find("name=\"csrf\" value=\"")?;
    let rest = &html[i + 19..];
    Some(rest[..rest.find('"')?].to_string())
}

pub fn location(r: &reqwest::Response) -> String {
    r.headers().get("location").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
}

pub fn id_from_location(r: &reqwest::Response) -> Id {
    let loc = location(r);
    let id = loc.trim_start_matches("/clients/").split(['?', '/']).next().unwrap();
    Id::parse(id).unwrap_or_else(|| panic!("no client id in {loc}"))
}

/// The audit event of something the test itself does directly in the store.
pub fn test_event(action: &str) -> AuditEvent {
    AuditEvent {
        actor_label: "test".into(),
        action: action.into(),
        resource_type: "x".into(),
        outcome: Outcome::Success.as_str().into(),
        ..Default::default()
    }
}

/// Today, as the forms and the API write dates.
pub fn today() -> String {
    rapport_core::time::format_date(rapport_core::Timestamp::now().date())
}

/// Questionnaire answers as form fields, `item_1`, `item_2`, ... in order; an
/// item given as `None` is left blank (not sent). Takes `["1", "0"]` or `[Some("1"), None]`.
pub fn answers<'a, V: Into<Option<&'a str>>>(values: impl IntoIterator<Item = V>) -> Vec<(String, String)> {
    values
        .into_iter()
        .enumerate()
        .filter_map(|(i, v)| v.into().map(|v| (format!("item_{}", i + 1), v.to_string())))
        .collect()
}

/// A JSON API client for one bearer token.
pub struct Api {
    pub http: reqwest::Client,
    pub base: String,
    pub token: String,
}

impl Api {
    /// An API client with a new token for `user`.
    pub async fn new(app: &TestApp, user: &User) -> Api {
        Api::with_token(app, &app.token_for(user).await)
    }

    /// An API client presenting `token` (valid or not).
    pub fn with_token(app: &TestApp, token: &str) -> Api {
        Api { http: http_client(false), base: app.url(""), token: token.to_string() }
    }

    /// One request: the status, and the body as JSON (a body that is not JSON
    /// comes back as a JSON string holding its text).
    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut r = self.http.request(method, format!("{}{path}", self.base)).bearer_auth(&self.token);
        if let Some(b) = body {
            r = r.json(&b);
        }
        let resp = r.send().await.unwrap();
        let status = resp.status().as_u16();
        let text = resp.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
    }

    pub async fn get(&self, path: &str) -> (u16, Value) {
        self.call(Method::GET, path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> (u16, Value) {
        self.call(Method::POST, path, Some(body)).await
    }

    pub async fn put(&self, path: &str, body: Value) -> (u16, Value) {
        self.call(Method::PUT, path, Some(body)).await
    }

    pub async fn delete(&self, path: &str) -> (u16, Value) {
        self.call(Method::DELETE, path, None).await
    }

    /// POSTs `body` to `path`, insisting on 201 Created; returns what was created.
    pub async fn create(&self, path: &str, body: Value) -> Value {
        let (s, created) = self.post(path, body.clone()).await;
        assert_eq!(s, 201, "POST {path} {body} -> {created}");
        assert!(created["id"].is_string(), "POST {path}: no id in {created}");
        created
    }

    /// A client on this user's caseload; returns its id.
    pub async fn new_client(&self, name: &str) -> String {
        let c = self.create("/api/v1/clients", json!({ "display_name": name })).await;
        assert_eq!(c["display_name"], name, "{c}");
        c["id"].as_str().unwrap().to_string()
    }

    /// A course for `client` (`body`: its protocol, start date...); returns its id.
    pub async fn new_course(&self, client: &str, body: Value) -> String {
        self.create(&format!("/api/v1/clients/{client}/courses"), body).await["id"].as_str().unwrap().to_string()
    }

    /// A session of `course` (`body`: its date, attendance...); returns its id.
    pub async fn new_session(&self, course: &str, body: Value) -> String {
        self.create(&format!("/api/v1/courses/{course}/sessions"), body).await["id"].as_str().unwrap().to_string()
    }

    /// One attended session of `course` on each of `dates`; returns their ids.
    pub async fn attended_sessions(&self, course: &str, dates: &[&str]) -> Vec<String> {
        let mut ids = Vec::new();
        for date in dates {
            ids.push(self.new_session(course, json!({"date": date, "attendance": "attended"})).await);
        }
        ids
    }

    /// Records a questionnaire response for `client`, insisting on 201; returns the stored response.
    pub async fn respond(&self, client: &str, body: Value) -> Value {
        self.create(&format!("/api/v1/clients/{client}/responses"), body).await
    }
}

/// One JSON API request with `token`, as [`Api::call`].
pub async fn call(app: &TestApp, method: Method, path: &str, token: &str, body: Option<Value>) -> (u16, Value) {
    Api::with_token(app, token).call(method, path, body).await
}

/// A client on the caseload of `token`'s user, as [`Api::new_client`].
pub async fn new_client(app: &TestApp, token: &str, name: &str) -> String {
    Api::with_token(app, token).new_client(name).await
}

/// Posts a questionnaire response with `token`; the status is the caller's to check.
pub async fn post_response(app: &TestApp, token: &str, client: &str, body: Value) -> (u16, Value) {
    call(app, Method::POST, &format!("/api/v1/clients/{client}/responses"), token, Some(body)).await
}

/// A client ("Course Client") on a fresh clinician's caseload, via the API: (clinician, API client, client id).
pub async fn client_of(app: &TestApp, email: &str) -> (User, Api, String) {
    let user = app.user(email, Role::Clinician).await;
    let api = Api::new(app, &user).await;
    let client = api.new_client("Course Client").await;
    (user, api, client)
}

/// A client with a course, both made through the pages by a fresh clinician
/// `email`: (browser, course page path, client id).
pub async fn course_in_browser(app: &TestApp, email: &str) -> (Browser, String, String) {
    let _ = app.user(email, Role::Clinician).await;
    let b = app.browser_as(email).await;
    let client = b.new_client("Timeline Person").await.to_string();
    let fields = [("protocol", "ipt-individual"), ("planned_sessions", "16"), ("start_date", "2026-01-05")];
    let course = b.new_course(&client, &fields).await;
    (b, course, client)
}

/// A client with an open course whose first session is booked for today, so
/// the default schedule (PHQ-9 and GAD-7 before every session) is due:
/// (clinician, API client, client id, course id).
pub async fn client_with_course(app: &TestApp, email: &str) -> (User, Api, String, String) {
    let (user, api, client) = client_of(app, email).await;
    let course = api
        .new_course(&client, json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": today()}))
        .await;
    (user, api, client, course)
}

/// Creates a printed portal invitation through the client's portal page; returns the code.
pub async fn printed_invite(b: &Browser, client: &str) -> String {
    let page = format!("/clients/{client}/portal");
    let r = b.submit(&page, &format!("{page}/invite"), &[("delivery", "print")]).await;
    assert_eq!(r.status(), 200);
    let body = r.text().await.unwrap();
    let i = body.find("data-testid=\"invite-code\">").expect("code shown") + "data-testid=\"invite-code\">".len();
    body[i..i + 14].to_string()
}

/// Joins the portal with an invitation `code` as `email` (password [`PASSWORD`]):
/// the new browser and the join page's answer (the caller checks it).
pub async fn join(app: &TestApp, code: &str, email: &str) -> (Browser, reqwest::Response) {
    let b = Browser::new(app);
    let r = b
        .submit(
            "/portal/join",
            "/portal/join",
            &[("code", code), ("email", email), ("password", PASSWORD), ("password_confirm", PASSWORD)],
        )
        .await;
    (b, r)
}

/// Creates a measure link through the client's measures page; returns its path (`/m/...`).
pub async fn create_link(b: &Browser, client: &str, instrument: &str) -> String {
    let page = format!("/clients/{client}/measures");
    let r = b.submit(&page, &format!("{page}/links"), &[("instrument", instrument)]).await;
    assert_eq!(r.status(), 200);
    let body = r.text().await.unwrap();
    let i = body.find("/m/").expect("link shown");
    let rest = &body[i..];
    rest[..rest.find('"').unwrap()].to_string()
}

/// Turns on two-step verification for `email` (signed in as `b`), checking the
/// enrolment page on the way; returns the secret and the recovery codes.
pub async fn enrol(app: &TestApp, b: &Browser, email: &str) -> (String, Vec<String>) {
    use rapport_app::mfa::{code_at, unix_now};
    let (s, page) = b.text("/account/mfa").await;
    assert_eq!(s, 200);
    assert!(page.contains("<svg role=\"img\"") && page.contains("Turn on two-step verification"));
    let user = app.store.user_by_email(email).await.unwrap().unwrap().0;
    let secret = app.store.mfa_state(&user.id).await.unwrap().pending_secret.expect("pending secret");
    let grouped: String =
        secret.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).to_string()).collect::<Vec<_>>().join(" ");
    assert!(page.contains(&grouped), "the key is shown for manual entry");
    let r = b.submit("/account/mfa", "/account/mfa/enable", &[("code", "000000")]).await;
    assert_eq!(r.status(), 422, "a wrong code does not turn it on");
    let code = code_at(&secret, unix_now()).unwrap();
    let r = b.submit("/account/mfa", "/account/mfa/enable", &[("code", &code)]).await;
    assert_eq!(r.status(), 200);
    // The database holds the secret sealed, never in plain form.
    {
        use sqlx::Connection;
        let mut conn = sqlx::AnyConnection::connect(&app.db_url).await.unwrap();
        let stored: Option<String> = sqlx::query_scalar("SELECT totp_secret FROM users WHERE id = $1")
            .bind(user.id.as_str())
            .fetch_one(&mut conn)
            .await
            .unwrap();
        let stored = stored.expect("two-step verification is on");
        assert!(stored.starts_with("v1:") && !stored.contains(&secret), "{stored}");
        conn.close().await.unwrap();
    }
    let page = r.text().await.unwrap();
    assert!(page.contains("Your recovery codes"));
    let start = page.find("id=\"recovery-codes\">").unwrap() + 20;
    let end = start + page[start..].find("</div>").unwrap();
    let codes: Vec<String> = page[start..end].split("<br>").map(|c| c.trim().to_string()).collect();
    assert_eq!(codes.len(), 10);
    (secret, codes)
}
