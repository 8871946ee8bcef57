//! Test harness: a real server on 127.0.0.1:0 over a fresh database, and a
//! cookie-keeping HTTP client that behaves like a browser form.

use rapport_core::access::Role;
use rapport_core::audit::{AuditEvent, Outcome};
use rapport_core::Id;
use rapport_store::users::{NewUser, User};
use rapport_store::{OpenOptions, SecretsKey, Store, Target};
use rapport_web::{AppState, Config};
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
        let app = TestApp::spawn(b, Config { settings_ttl: std::time::Duration::ZERO, ..Default::default() }).await;
        f(app).await;
    }
}

impl TestApp {
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
                // A URL store takes its secrets key from the options (a data-dir store uses its key file).
                let secrets = SecretsKey::Keys(std::sync::Arc::new(
                    rapport_core::secrets::Keyring::new(&[[5; 32]]).expect("one key"),
                ));
                let opts = OpenOptions { max_connections: 8, secrets, ..Default::default() };
                let store = Store::open(&Target::Url(url.clone()), opts).await.unwrap();
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
                },
                AuditEvent {
                    actor_label: "test".into(),
                    action: "user.create".into(),
                    resource_type: "user".into(),
                    outcome: Outcome::Success.as_str().into(),
                    ..Default::default()
                },
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
                AuditEvent {
                    actor_label: "test".into(),
                    action: "token.create".into(),
                    resource_type: "api_token".into(),
                    outcome: "success".into(),
                    ..Default::default()
                },
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

    pub async fn count(&self, action: &str) -> usize {
        self.store
            .audit_entries(&rapport_store::AuditFilter {
                action: Some(action.into()),
                limit: 10_000,
                ..Default::default()
            })
            .await
            .unwrap()
            .len()
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
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent("rapport-tests")
            .build()
            .unwrap();
        Browser { http, base: format!("http://{}", app.addr) }
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

    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
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
