//! Black-box tests of the `rapport` binary: first run, accounts, tokens, the
//! API through a real server, bad arguments, audit verification, crash
//! durability and backups. Runs on SQLite, and on PostgreSQL when
//! RAPPORT_TEST_POSTGRES_URL is set.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_rapport");
const PW: &str = "a long and calm passphrase";

/// Where a test's data lives: a data dir, plus a PostgreSQL URL when testing that backend.
struct Db {
    dir: tempfile::TempDir,
    url: Option<String>,
}

impl Db {
    fn sqlite() -> Db {
        Db { dir: tempfile::tempdir().unwrap(), url: None }
    }

    fn args(&self) -> Vec<String> {
        let mut a = vec!["--data-dir".to_string(), self.dir.path().join("data").display().to_string()];
        if let Some(u) = &self.url {
            a.push("--database-url".into());
            a.push(u.clone());
        }
        a
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.args(self.args()).args(args).env_remove("RAPPORT_DATABASE_URL").env_remove("RAPPORT_DATA_DIR");
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).stdin(Stdio::null()).output().unwrap()
    }

    fn run_with_stdin(&self, args: &[&str], input: &str) -> Output {
        let mut child =
            self.cmd(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        // The command may exit before reading (e.g. clap rejects an argument): ignore EPIPE.
        let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
        child.wait_with_output().unwrap()
    }

    fn sqlite_url(&self) -> String {
        self.url.clone().unwrap_or_else(|| format!("sqlite://{}", self.dir.path().join("data/rapport.db").display()))
    }
}

fn backends() -> Vec<Db> {
    let mut v = vec![Db::sqlite()];
    if let Ok(base) = std::env::var("RAPPORT_TEST_POSTGRES_URL") {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let url = rt.block_on(rapport_store::scratch_postgres_database(&base)).unwrap();
        v.push(Db { dir: tempfile::tempdir().unwrap(), url: Some(url) });
    }
    v
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

struct Server {
    child: Child,
    base: String,
    setup_url: Option<String>,
}

impl Server {
    fn start(db: &Db) -> Server {
        let mut child = db
            .cmd(&["serve", "--listen", "127.0.0.1:0"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut base = None;
        let mut setup_url = None;
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            let Some(Ok(line)) = lines.next() else { break };
            if let Some(rest) = line.strip_prefix("Rapport is listening on ") {
                base = Some(rest.trim().to_string());
            }
            if let Some(i) = line.find("/setup/") {
                let start = line[..i].rfind("http").unwrap();
                setup_url = Some(line[start..].trim().to_string());
            }
            if line.starts_with("Press Ctrl+C") {
                break;
            }
        }
        let base = base.expect("server printed its address");
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server { child, base, setup_url }
    }

    fn wait_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if reqwest::blocking_get(&format!("{}/readyz", self.base)) == Some(200) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("server not ready");
    }

    fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

/// Minimal blocking helpers over reqwest's async client.
mod reqwest {
    pub use ::reqwest::*;
    pub fn rt() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
    }
    pub fn blocking_get(url: &str) -> Option<u16> {
        rt().block_on(async { ::reqwest::get(url).await.ok().map(|r| r.status().as_u16()) })
    }
    pub fn call(method: Method, url: &str, token: &str, body: Option<serde_json::Value>) -> (u16, serde_json::Value) {
        rt().block_on(async {
            let mut req = Client::new().request(method, url).bearer_auth(token);
            if let Some(b) = body {
                req = req.json(&b);
            }
            let r = req.send().await.unwrap();
            let s = r.status().as_u16();
            (s, r.json().await.unwrap_or(serde_json::Value::Null))
        })
    }
}

fn create_user(db: &Db, email: &str, role: &str) {
    let o = db.run_with_stdin(
        &["user", "create", "--email", email, "--name", "Test Person", "--role", role, "--password-stdin"],
        &format!("{PW}\n"),
    );
    assert!(o.status.success(), "user create failed: {}", stderr(&o));
}

fn token(db: &Db, email: &str) -> String {
    let o = db.run(&["token", "create", "--email", email, "--name", "cli test"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let last = out.lines().last().unwrap().trim().to_string();
    assert!(last.starts_with("rpt_") && last.len() > 60, "token is the last line: {out}");
    last
}

#[test]
fn help_is_available_for_every_command() {
    for args in [
        vec!["--help"],
        vec!["serve", "--help"],
        vec!["migrate", "--help"],
        vec!["user", "--help"],
        vec!["user", "create", "--help"],
        vec!["user", "list", "--help"],
        vec!["user", "set-password", "--help"],
        vec!["user", "deactivate", "--help"],
        vec!["token", "--help"],
        vec!["token", "create", "--help"],
        vec!["demo", "--help"],
        vec!["audit", "--help"],
        vec!["audit", "verify", "--help"],
        vec!["backup", "--help"],
    ] {
        let o = Command::new(BIN).args(&args).output().unwrap();
        assert!(o.status.success(), "{args:?}");
        let text = stdout(&o);
        assert!(
            text.contains("Usage:") && text.contains("--data-dir") && text.contains("--database-url"),
            "{args:?}: {text}"
        );
    }
}

#[test]
fn bad_database_urls_fail_clearly_without_creating_anything() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let cases = [
        ("mysql://root@localhost/db", "unsupported database URL"),
        ("postgres://nobody@127.0.0.1:1/nothing", "cannot connect to PostgreSQL"),
        ("postgres://user:hunter2secret@127.0.0.1:1/x", "cannot connect to PostgreSQL"),
        ("sqlite:///definitely/not/here.db", "does not exist"),
        ("not a url", "unsupported database URL"),
    ];
    for (url, expected) in cases {
        let o = Command::new(BIN)
            .args(["--data-dir", data.to_str().unwrap(), "--database-url", url, "migrate"])
            .output()
            .unwrap();
        assert!(!o.status.success(), "{url} must fail");
        let err = stderr(&o);
        assert!(err.contains(expected), "{url}: {err}");
        assert!(!err.contains("hunter2secret"), "passwords are redacted: {err}");
    }
    assert!(!data.exists(), "no data directory or empty database was created");
    let o = Command::new(BIN).args(["serve", "--listen", "not-an-address"]).current_dir(dir.path()).output().unwrap();
    assert!(!o.status.success());
    assert!(stderr(&o).contains("cannot listen on"));
}

#[test]
fn user_and_token_commands_validate_input() {
    let db = Db::sqlite();
    let o = db.run_with_stdin(
        &["user", "create", "--email", "a@clinic.example", "--name", "A", "--role", "clinician", "--password-stdin"],
        "short\n",
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("at least 12 characters"), "{}", stderr(&o));
    let o = db.run_with_stdin(
        &["user", "create", "--email", "a@clinic.example", "--name", "A", "--role", "clinician", "--password-stdin"],
        "password123456\n",
    );
    assert!(stderr(&o).contains("too common"), "{}", stderr(&o));
    let o = db.run_with_stdin(
        &["user", "create", "--email", "not-an-email", "--name", "A", "--role", "clinician", "--password-stdin"],
        PW,
    );
    assert!(!o.status.success() && stderr(&o).contains("not an email address"));
    let o = db.run_with_stdin(
        &["user", "create", "--email", "a@clinic.example", "--name", "A", "--role", "superuser", "--password-stdin"],
        PW,
    );
    assert_eq!(o.status.code(), Some(2), "clap rejects unknown roles");
    create_user(&db, "a@clinic.example", "clinician");
    let o = db.run_with_stdin(
        &["user", "create", "--email", "A@clinic.example", "--name", "A", "--role", "clinician", "--password-stdin"],
        PW,
    );
    assert!(!o.status.success() && stderr(&o).contains("already exists"), "{}", stderr(&o));
    let o = db.run(&["token", "create", "--email", "nobody@clinic.example", "--name", "x"]);
    assert!(!o.status.success() && stderr(&o).contains("no account"));
    let listed = stdout(&db.run(&["user", "list"]));
    assert_eq!(listed.lines().count(), 1);
    assert!(listed.contains("a@clinic.example\tclinician\tactive"));
}

#[test]
fn token_create_refuses_client_accounts_and_deactivation_revokes_tokens() {
    for db in backends() {
        let o = db.run(&["demo", "--clinicians", "1", "--clients", "1"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let out = stdout(&o);
        let portal = out
            .lines()
            .find_map(|l| l.split(" signs in at /portal/login as ").nth(1))
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap_or_else(|| panic!("the demo names its portal account: {out}"))
            .to_string();
        let o = db.run(&["token", "create", "--email", &portal, "--name", "x"]);
        assert_eq!(o.status.code(), Some(1), "a client account gets no API token");
        assert!(stderr(&o).contains("client portal account"), "{}", stderr(&o));
        assert!(!stdout(&o).contains("rpt_"), "no token printed: {}", stdout(&o));
        let count = |sql: &'static str| {
            let url = db.sqlite_url();
            tokio::runtime::Runtime::new().unwrap().block_on(async move {
                use sqlx::{Connection, Row};
                sqlx::any::install_default_drivers();
                let mut c = sqlx::AnyConnection::connect(&url).await.unwrap();
                sqlx::query(sql).fetch_one(&mut c).await.unwrap().try_get::<i64, _>("n").unwrap()
            })
        };
        assert_eq!(
            count("SELECT COUNT(*) AS n FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.role = 'client'"),
            0
        );
        // A staff member's token is revoked when the account is deactivated.
        create_user(&db, "leaver@clinic.example", "clinician");
        token(&db, "leaver@clinic.example");
        let live = "SELECT COUNT(*) AS n FROM api_tokens t JOIN users u ON u.id = t.user_id \
                    WHERE u.email = 'leaver@clinic.example' AND t.revoked_at IS NULL";
        assert_eq!(count(live), 1);
        // A password reset on the command line tells the person and the administrators.
        let new_pw = "another calm passphrase here";
        let o = db
            .run_with_stdin(&["user", "set-password", "--email", "leaver@clinic.example", "--password-stdin"], new_pw);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(
            count(
                "SELECT COUNT(*) AS n FROM outbox o JOIN users u ON u.id = o.recipient_user_id \
                 WHERE o.kind = 'account_notice' AND u.email IN ('leaver@clinic.example', 'admin@demo.rapport.test') \
                 AND o.body LIKE '%operator using the rapport command%'"
            ),
            2
        );
        assert_eq!(count("SELECT COUNT(*) AS n FROM outbox WHERE body LIKE '%another calm passphrase%'"), 0);
        let o = db.run(&["user", "deactivate", "--email", "leaver@clinic.example"]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).contains("API tokens revoked"), "{}", stdout(&o));
        assert_eq!(count(live), 0, "deactivation revoked the token");
    }
}

#[test]
fn first_run_then_the_api_with_cli_tokens_and_404_for_another_clinician() {
    for db in backends() {
        let server = Server::start(&db);
        let setup = server.setup_url.clone().expect("first run prints a setup link");
        assert!(setup.starts_with(&server.base) && setup.contains("/setup/"), "{setup}");
        server.wait_ready();
        assert_eq!(reqwest::blocking_get(&setup), Some(200));
        create_user(&db, "one@clinic.example", "clinician");
        create_user(&db, "two@clinic.example", "clinician");
        create_user(&db, "boss@clinic.example", "admin");
        let (t1, t2, tadmin) =
            (token(&db, "one@clinic.example"), token(&db, "two@clinic.example"), token(&db, "boss@clinic.example"));
        use reqwest::Method as M;
        let (s, c) = reqwest::call(
            M::POST,
            &format!("{}/api/v1/clients", server.base),
            &t1,
            Some(serde_json::json!({"display_name": "Kim Example", "date_of_birth": "1979-07-01"})),
        );
        assert_eq!(s, 201, "{c}");
        let id = c["id"].as_str().unwrap().to_string();
        let client_url = format!("{}/api/v1/clients/{id}", server.base);
        assert_eq!(reqwest::call(M::GET, &client_url, &t1, None).0, 200);
        assert_eq!(reqwest::call(M::GET, &client_url, &t2, None).0, 404);
        let (s, entries) =
            reqwest::call(M::GET, &format!("{}/api/v1/audit?client_id={id}", server.base), &tadmin, None);
        assert_eq!(s, 200);
        let actions: Vec<String> =
            entries.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap().to_string()).collect();
        assert!(
            actions.contains(&"client.read".to_string()) && actions.contains(&"access.denied".to_string()),
            "{actions:?}"
        );
        // The setup link dies once an account exists.
        assert_eq!(reqwest::blocking_get(&setup), Some(410));
        server.kill();
        let o = db.run(&["audit", "verify"]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).contains("Audit log intact"));
        // A second start prints no setup link.
        let again = Server::start(&db);
        assert!(again.setup_url.is_none());
        again.kill();
    }
}

#[test]
fn audit_verify_names_the_first_altered_entry() {
    for db in backends() {
        create_user(&db, "a@clinic.example", "clinician");
        create_user(&db, "b@clinic.example", "clinician");
        token(&db, "a@clinic.example");
        assert!(db.run(&["audit", "verify"]).status.success());
        let rt = reqwest::rt();
        rt.block_on(async {
            use sqlx::Connection;
            sqlx::any::install_default_drivers();
            let mut conn = sqlx::AnyConnection::connect(&db.sqlite_url()).await.unwrap();
            sqlx::query("UPDATE audit_log SET actor_label = 'someone else' WHERE seq = 2")
                .execute(&mut conn)
                .await
                .unwrap();
        });
        let o = db.run(&["audit", "verify"]);
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains("entry 2 was altered"), "{}", stderr(&o));
    }
}

#[test]
fn acknowledged_writes_survive_a_crash() {
    for db in backends() {
        create_user(&db, "c@clinic.example", "clinician");
        let t = token(&db, "c@clinic.example");
        let server = Server::start(&db);
        server.wait_ready();
        let mut ids = Vec::new();
        for i in 0..20 {
            let (s, c) = reqwest::call(
                reqwest::Method::POST,
                &format!("{}/api/v1/clients", server.base),
                &t,
                Some(serde_json::json!({"display_name": format!("Durable {i}")})),
            );
            assert_eq!(s, 201);
            ids.push(c["id"].as_str().unwrap().to_string());
        }
        server.kill(); // SIGKILL: no graceful shutdown, no checkpoint
        let server = Server::start(&db);
        server.wait_ready();
        for id in ids {
            assert_eq!(
                reqwest::call(reqwest::Method::GET, &format!("{}/api/v1/clients/{id}", server.base), &t, None).0,
                200,
                "{id} survived"
            );
        }
        server.kill();
        assert!(db.run(&["audit", "verify"]).status.success());
    }
}

#[test]
fn demo_seeds_once_and_backup_copies_a_live_database() {
    let db = Db::sqlite();
    let o = db.run(&["demo"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("synthetic")
            && out.contains("admin@demo.rapport.test")
            && out.contains("Password for every demo account: ")
    );
    assert!(out.contains("12 clients have weekly PHQ-9 and GAD-7 scores; one has an open risk flag"), "{out}");
    let o = db.run(&["demo"]);
    assert!(!o.status.success() && stderr(&o).contains("already has accounts"));
    let users = stdout(&db.run(&["user", "list"]));
    assert_eq!(users.lines().count(), 5, "admin, supervisor, 3 clinicians");
    assert!(out.contains("IPT courses: one in every phase"));
    let copy = db.dir.path().join("backup.db");
    let o = db.run(&["backup", "--to", copy.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(Path::new(&copy).is_file());
    let o = Command::new(BIN)
        .args(["--database-url", &format!("sqlite://{}", copy.display()), "user", "list"])
        .output()
        .unwrap();
    assert_eq!(stdout(&o), users, "the backup holds the same accounts");
    let o = Command::new(BIN)
        .args(["--database-url", &format!("sqlite://{}", copy.display()), "audit", "verify"])
        .output()
        .unwrap();
    assert!(o.status.success(), "the backup's audit chain verifies");
    // The demo's measures: trajectories and exactly one open risk flag.
    let counts = tokio::runtime::Runtime::new().unwrap().block_on(async {
        use sqlx::{Connection, Row};
        sqlx::any::install_default_drivers();
        let mut c = sqlx::AnyConnection::connect(&format!("sqlite://{}", copy.display())).await.unwrap();
        let mut n = Vec::new();
        for q in [
            "SELECT COUNT(*) AS n FROM measure_responses",
            "SELECT COUNT(*) AS n FROM risk_flags WHERE status = 'open'",
        ] {
            n.push(sqlx::query(q).fetch_one(&mut c).await.unwrap().try_get::<i64, _>("n").unwrap());
        }
        n
    });
    assert!(counts[0] >= 12 * 8, "{counts:?}");
    assert_eq!(counts[1], 1);
    let o = db.run(&["backup", "--to", copy.to_str().unwrap()]);
    assert!(!o.status.success() && stderr(&o).contains("already exists"));
}

#[test]
fn a_bad_site_protocol_file_stops_the_start_with_the_field_named() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        data.join("protocols.toml"),
        "[[protocol]]\nid = \"group-who\"\nname = \"WHO group IPT\"\nschool = \"weissman\"\n\
         sessions = { min = 8, max = 8, default = 10 }\nfrequency = \"weekly\"\nsession_minutes = 90\n\
         initial_sessions = 1\ntermination_sessions = 1\nproblem_areas = [{ id = \"grief\", label = \"Grief\" }]\n\
         max_problem_areas = 1\nchecklist = []\n",
    )
    .unwrap();
    let o = Command::new(BIN)
        .args(["--data-dir", data.to_str().unwrap(), "serve", "--listen", "127.0.0.1:0"])
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("protocols.toml: protocol \"group-who\": sessions"), "{err}");
    let missing = dir.path().join("nope.toml");
    let o = Command::new(BIN)
        .args(["--data-dir", data.to_str().unwrap(), "serve", "--protocols", missing.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!o.status.success() && stderr(&o).contains("cannot read"), "{}", stderr(&o));
}

#[test]
fn a_malformed_smtp_url_stops_the_start_naming_the_option() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let serve = |extra: &[&str], env: Option<&str>| {
        let mut c = Command::new(BIN);
        c.args(["--data-dir", data.to_str().unwrap(), "serve", "--listen", "127.0.0.1:0"])
            .args(extra)
            .env_remove("RAPPORT_SMTP_URL")
            .env_remove("RAPPORT_SMTP_FROM");
        if let Some(url) = env {
            c.env("RAPPORT_SMTP_URL", url);
        }
        c.stdin(Stdio::null()).output().unwrap()
    };
    for (args, env, says) in [
        (
            vec!["--smtp-url", "http://mail.example", "--smtp-from", "r@clinic.example"],
            None,
            "--smtp-url: unknown scheme",
        ),
        (vec!["--smtp-url", "smtp://mail.example:70000", "--smtp-from", "r@clinic.example"], None, "--smtp-url: port"),
        (vec!["--smtp-from", "r@clinic.example"], Some("smtp://mailer:hunter2@mail.example"), "--smtp-url: a password"),
        (vec!["--smtp-url", "smtp://mail.example", "--smtp-from", "nobody"], None, "--smtp-from: \"nobody\""),
        (vec!["--smtp-url", "smtp://mail.example"], None, "--smtp-from is required"),
        (vec!["--smtp-from", "r@clinic.example"], None, "--smtp-from needs --smtp-url"),
    ] {
        let o = serve(&args, env);
        let err = stderr(&o);
        assert!(!o.status.success(), "{args:?} should stop the start");
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(!err.contains("hunter2"), "the password is never repeated: {err}");
        assert!(!stdout(&o).contains("listening"), "{}", stdout(&o));
    }
    assert!(!data.join("rapport.db").exists(), "nothing starts, not even the database");
}
