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
        // Messages in English whatever the machine's language (a test sets its own).
        c.env_remove("RAPPORT_LANGUAGE").env("LANG", "C.UTF-8");
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
            .stderr(std::fs::File::create(db.dir.path().join("server.log")).unwrap())
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

    /// SIGTERM, as a service manager stops it: a graceful shutdown.
    fn stop(mut self) {
        let ok = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status().unwrap().success();
        assert!(ok, "kill -TERM");
        let status = self.child.wait().unwrap();
        assert!(status.success(), "a graceful stop exits 0: {status:?}");
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
        vec!["site", "--help"],
        vec!["site", "create", "--help"],
        vec!["site", "list", "--help"],
        vec!["demo", "--help"],
        vec!["audit", "--help"],
        vec!["audit", "verify", "--help"],
        vec!["audit", "checkpoint", "--help"],
        vec!["backup", "--help"],
        vec!["secrets", "--help"],
        vec!["secrets", "rotate", "--help"],
        vec!["research-export", "--help"],
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

fn create_with(db: &Db, args: &[&str]) -> Output {
    let mut all = vec!["user", "create", "--password-stdin"];
    all.extend_from_slice(args);
    db.run_with_stdin(&all, PW)
}

#[test]
fn sites_and_facilitator_accounts_from_the_command_line() {
    for db in backends() {
        // Sites: created, listed, a second one with the same name (any case) or a blank name refused.
        let o = db.run(&["site", "list"]);
        assert!(o.status.success() && stdout(&o).is_empty(), "{}", stderr(&o));
        assert!(stderr(&o).contains("rapport site create"), "an empty list says how to add one: {}", stderr(&o));
        let o = db.run(&["site", "create", "Kasese North", "--kind", "village"]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).starts_with("Created site Kasese North (village, id "), "{}", stdout(&o));
        let o = db.run(&["site", "create", "Hillside Secondary"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let o = db.run(&["site", "create", "kasese NORTH"]);
        assert!(
            !o.status.success() && stderr(&o).contains("name: A site named “kasese NORTH” already exists"),
            "{}",
            stderr(&o)
        );
        let o = db.run(&["site", "create", "   "]);
        assert!(!o.status.success() && stderr(&o).contains("name: Give the site a name"), "{}", stderr(&o));
        let long_kind = "k".repeat(61);
        let o = db.run(&["site", "create", "Lakeside", "--kind", &long_kind]);
        assert!(!o.status.success() && stderr(&o).contains("kind: "), "{}", stderr(&o));
        let listed = stdout(&db.run(&["site", "list"]));
        let rows: Vec<Vec<&str>> = listed.lines().map(|l| l.split('\t').collect()).collect();
        assert_eq!(rows.len(), 2, "{listed}");
        assert_eq!((rows[0][1], rows[0][2]), ("Hillside Secondary", ""), "by name, no kind: {listed}");
        assert_eq!((rows[1][1], rows[1][2]), ("Kasese North", "village"), "{listed}");

        // Cascaded supervision: master trainer -> group supervisor -> a facilitator at a site
        // (the supervisor's e-mail and the site's name in any case).
        let o = create_with(
            &db,
            &["--email", "trainer@clinic.example", "--name", "Master Trainer", "--role", "supervisor"],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        let o = create_with(
            &db,
            &[
                "--email",
                "sup@clinic.example",
                "--name",
                "Group Supervisor",
                "--role",
                "supervisor",
                "--supervisor",
                "trainer@clinic.example",
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        let o = create_with(
            &db,
            &[
                "--email",
                "fac@clinic.example",
                "--name",
                "Field Facilitator",
                "--role",
                "facilitator",
                "--supervisor",
                "SUP@clinic.example",
                "--site",
                "kasese north",
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).contains("Created facilitator account for Field Facilitator"), "{}", stdout(&o));

        // Refusals: nothing is created, the message names what is wrong.
        let o = create_with(
            &db,
            &[
                "--email",
                "x@clinic.example",
                "--name",
                "X",
                "--role",
                "facilitator",
                "--supervisor",
                "nobody@clinic.example",
            ],
        );
        assert!(!o.status.success(), "unknown supervisor");
        assert!(
            stderr(&o).contains("--supervisor \"nobody@clinic.example\": no account with this e-mail"),
            "{}",
            stderr(&o)
        );
        let o = create_with(
            &db,
            &[
                "--email",
                "x@clinic.example",
                "--name",
                "X",
                "--role",
                "facilitator",
                "--supervisor",
                "fac@clinic.example",
            ],
        );
        assert!(!o.status.success() && stderr(&o).contains("is not an active supervisor's account"), "{}", stderr(&o));
        let o = create_with(
            &db,
            &["--email", "x@clinic.example", "--name", "X", "--role", "facilitator", "--site", "Lakeside"],
        );
        assert!(!o.status.success(), "unknown site");
        let err = stderr(&o);
        assert!(
            err.contains("--site \"Lakeside\" is not a site; sites: Hillside Secondary, Kasese North"),
            "the message lists the sites: {err}"
        );
        let users = stdout(&db.run(&["user", "list"]));
        assert!(!users.contains("x@clinic.example"), "a refused account is not created: {users}");
        assert!(users.contains("fac@clinic.example\tfacilitator\tactive"), "{users}");

        // A programme manager: created, but never supervised (they see no client).
        let o = create_with(
            &db,
            &[
                "--email",
                "pm-sup@clinic.example",
                "--name",
                "P",
                "--role",
                "programme_manager",
                "--supervisor",
                "sup@clinic.example",
            ],
        );
        assert!(!o.status.success() && stderr(&o).contains("programme managers see no client"), "{}", stderr(&o));
        let o =
            create_with(&db, &["--email", "pm@clinic.example", "--name", "Priya N.", "--role", "programme_manager"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let users = stdout(&db.run(&["user", "list"]));
        assert!(users.contains("pm@clinic.example\tprogramme_manager\tactive"), "{users}");
        assert!(!users.contains("pm-sup@clinic.example"), "{users}");

        // What was stored: the site, and the supervision reaching down the chain.
        let url = db.sqlite_url();
        let (site, direct, reach) = tokio::runtime::Runtime::new().unwrap().block_on(async {
            use sqlx::{Connection, Row};
            sqlx::any::install_default_drivers();
            let mut c = sqlx::AnyConnection::connect(&url).await.unwrap();
            let site: String = sqlx::query(
                "SELECT s.name FROM users u JOIN sites s ON s.id = u.site_id WHERE u.email = 'fac@clinic.example'",
            )
            .fetch_one(&mut c)
            .await
            .unwrap()
            .try_get("name")
            .unwrap();
            let pairs = |table: &'static str| {
                format!(
                    "SELECT a.email AS sup, b.email AS who FROM {table} s JOIN users a ON a.id = s.supervisor_id \
                     JOIN users b ON b.id = s.clinician_id ORDER BY a.email, b.email"
                )
            };
            let mut out = Vec::new();
            for table in ["supervision", "supervision_reach"] {
                let rows = sqlx::query(&pairs(table)).fetch_all(&mut c).await.unwrap();
                out.push(
                    rows.iter()
                        .map(|r| {
                            format!(
                                "{}>{}",
                                r.try_get::<String, _>("sup").unwrap(),
                                r.try_get::<String, _>("who").unwrap()
                            )
                        })
                        .collect::<Vec<_>>(),
                );
            }
            (site, out[0].clone(), out[1].clone())
        });
        assert_eq!(site, "Kasese North");
        assert_eq!(direct, ["sup@clinic.example>fac@clinic.example", "trainer@clinic.example>sup@clinic.example"]);
        assert_eq!(
            reach,
            [
                "sup@clinic.example>fac@clinic.example",
                "trainer@clinic.example>fac@clinic.example",
                "trainer@clinic.example>sup@clinic.example"
            ],
            "the master trainer reaches the facilitator down the chain"
        );
    }
}

#[test]
fn token_create_refuses_client_accounts_and_deactivation_revokes_tokens() {
    for db in backends() {
        let o = db.run(&["demo", "--clinicians", "1", "--clients", "1"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let out = stdout(&o);
        let portal = out
            .lines()
            .find_map(|l| l.split("/portal/login as ").nth(1))
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
        // The demo's clinician is responsible for a client with an open course and risk
        // flag: refused with the clients listed, until they are handed over.
        let clin = "clinician1@demo.rapport.test";
        let o = db.run(&["user", "deactivate", "--email", clin]);
        assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
        let err = stderr(&o);
        assert!(err.contains("was not deactivated") && err.contains("open risk flag"), "{err}");
        assert!(err.contains("--reassign-to"), "{err}");
        let active = "SELECT COUNT(*) AS n FROM users WHERE email = 'clinician1@demo.rapport.test' AND active = 1";
        assert_eq!(count(active), 1);
        let o = db.run(&["user", "deactivate", "--email", clin, "--reassign-to", "nobody@clinic.example"]);
        assert!(!o.status.success() && stderr(&o).contains("no account"), "{}", stderr(&o));
        create_user(&db, "cover@clinic.example", "clinician");
        let o = db.run(&["user", "deactivate", "--email", clin, "--reassign-to", "cover@clinic.example"]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).contains("cover@clinic.example is now responsible for"), "{}", stdout(&o));
        assert_eq!(count(active), 0);
        assert_eq!(
            count(
                "SELECT COUNT(*) AS n FROM clients c JOIN users u ON u.id = c.responsible_clinician_id \
                 WHERE u.email = 'clinician1@demo.rapport.test'"
            ),
            0
        );
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
            let refused = sqlx::query("UPDATE audit_log SET actor_label = 'someone else' WHERE seq = 2")
                .execute(&mut conn)
                .await
                .unwrap_err();
            assert!(refused.to_string().contains("append-only"), "{refused}");
            drop_audit_triggers(&mut conn, db.url.is_some()).await;
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

/// What an attacker with owner rights on the database does first (migration 0018).
async fn drop_audit_triggers(conn: &mut sqlx::AnyConnection, postgres: bool) {
    let statements: &[&str] = if postgres {
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
        sqlx::query(s).execute(&mut *conn).await.unwrap();
    }
}

/// The attack from the security report: delete the newest 20 entries and point
/// the head at the new last one. The chain alone still verifies; the signed
/// checkpoints the server wrote outside the database do not.
#[test]
fn checkpoints_catch_a_cut_tail_and_refuse_forged_or_bad_input() {
    for db in backends() {
        create_user(&db, "cp@clinic.example", "clinician");
        let t = token(&db, "cp@clinic.example");
        let server = Server::start(&db);
        server.wait_ready();
        for _ in 0..25 {
            let (s, _) = reqwest::call(reqwest::Method::GET, &format!("{}/api/v1/clients", server.base), &t, None);
            assert_eq!(s, 200);
        }
        server.stop();
        let data = db.dir.path().join("data");
        let file = data.join("audit-checkpoints.jsonl");
        let lines = std::fs::read_to_string(&file).unwrap();
        assert!(lines.lines().count() >= 2, "one at start, one at shutdown: {lines}");
        let newest: serde_json::Value = serde_json::from_str(lines.lines().last().unwrap()).unwrap();
        let head = newest["seq"].as_i64().unwrap();
        assert!(head >= 27, "{newest}");
        let log = std::fs::read_to_string(db.dir.path().join("server.log")).unwrap();
        assert!(
            log.contains("audit_checkpoint") && log.contains(newest["mac"].as_str().unwrap()),
            "the checkpoint is logged too: {log}"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(data.join("audit-checkpoint.key")).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let file_arg = file.to_str().unwrap();
        let o = db.run(&["audit", "verify", "--checkpoints", file_arg]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).contains("signed checkpoints"), "{}", stdout(&o));

        // The attack.
        reqwest::rt().block_on(async {
            use sqlx::Connection;
            sqlx::any::install_default_drivers();
            let mut conn = sqlx::AnyConnection::connect(&db.sqlite_url()).await.unwrap();
            drop_audit_triggers(&mut conn, db.url.is_some()).await;
            let cut = format!("DELETE FROM audit_log WHERE seq > {}", head - 20);
            assert_eq!(sqlx::query(&cut).execute(&mut conn).await.unwrap().rows_affected(), 20);
            let rewind = format!(
                "UPDATE audit_head SET last_seq = {0}, last_hash = (SELECT hash FROM audit_log WHERE seq = {0})",
                head - 20
            );
            sqlx::query(&rewind).execute(&mut conn).await.unwrap();
        });
        let o = db.run(&["audit", "verify"]);
        assert!(o.status.success(), "without checkpoints the cut is invisible: {}", stderr(&o));
        assert!(stdout(&o).contains("--checkpoints"), "the note points at checkpoints: {}", stdout(&o));
        let o = db.run(&["audit", "verify", "--checkpoints", file_arg]);
        assert_eq!(o.status.code(), Some(1));
        let expected = format!("entries {} to {head} are missing", head - 19);
        assert!(stderr(&o).contains(&expected), "{expected}: {}", stderr(&o));

        // A forged line (signed with another key) is refused, naming its line.
        let other_key = db.dir.path().join("other.key");
        std::fs::write(&other_key, format!("{}\n", "ab".repeat(32))).unwrap();
        let forged_file = db.dir.path().join("forged.jsonl");
        let key = rapport_core::checkpoint::CheckpointKey::parse(&"ab".repeat(32)).unwrap();
        let forged = rapport_core::checkpoint::Checkpoint::sign(
            &key,
            head - 20,
            newest["hash"].as_str().unwrap(),
            rapport_core::Timestamp::now(),
        );
        std::fs::write(&forged_file, format!("{}\n{}\n", lines.lines().next().unwrap(), forged.to_json())).unwrap();
        let o = db.run(&["audit", "verify", "--checkpoints", forged_file.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains("line 2") && stderr(&o).contains("MAC does not match"), "{}", stderr(&o));
        // The right file with the wrong key: every line fails, the first is named.
        let o =
            db.run(&["audit", "verify", "--checkpoints", file_arg, "--audit-key-file", other_key.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains("line 1") && stderr(&o).contains("MAC"), "{}", stderr(&o));
        // Bad input: a missing file, a malformed line, a missing key file.
        let o = db.run(&["audit", "verify", "--checkpoints", "/nonexistent/checkpoints.jsonl"]);
        assert!(!o.status.success() && stderr(&o).contains("cannot read the checkpoints file"), "{}", stderr(&o));
        let bad = db.dir.path().join("bad.jsonl");
        std::fs::write(&bad, format!("{}\n{{\"seq\": \"x\"}}\n", lines.lines().next().unwrap())).unwrap();
        let o = db.run(&["audit", "verify", "--checkpoints", bad.to_str().unwrap()]);
        assert!(!o.status.success() && stderr(&o).contains("line 2: not a checkpoint"), "{}", stderr(&o));
        let o = db.run(&["audit", "verify", "--checkpoints", file_arg, "--audit-key-file", "/nonexistent.key"]);
        assert!(!o.status.success() && stderr(&o).contains("does not exist"), "{}", stderr(&o));
    }
}

/// A secret stored in plain form by an earlier version is sealed by `migrate`;
/// `secrets rotate --new-key` seals it again under a new first key.
#[test]
fn secrets_are_sealed_on_upgrade_and_rotated_to_a_new_key() {
    for db in backends() {
        create_user(&db, "totp@clinic.example", "clinician");
        let raw = |sql: &str| -> Option<String> {
            reqwest::rt().block_on(async {
                use sqlx::Connection;
                sqlx::any::install_default_drivers();
                let mut conn = sqlx::AnyConnection::connect(&db.sqlite_url()).await.unwrap();
                let q = sqlx::query_scalar::<_, Option<String>>(sql);
                if sql.starts_with("SELECT") {
                    q.fetch_one(&mut conn).await.unwrap()
                } else {
                    sqlx::query(sql).execute(&mut conn).await.unwrap();
                    None
                }
            })
        };
        let plain = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        raw(&format!("UPDATE users SET totp_secret = '{plain}' WHERE email = 'totp@clinic.example'"));
        let o = db.run(&["migrate"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let select = "SELECT totp_secret FROM users WHERE email = 'totp@clinic.example'";
        let sealed = raw(select).unwrap();
        assert!(sealed.starts_with("v1:") && !sealed.contains(plain), "{sealed}");
        let key_file = db.dir.path().join("data/secrets.key");
        let first = std::fs::read_to_string(&key_file).unwrap();
        let ring = rapport_core::secrets::Keyring::parse(&first).unwrap();
        assert_eq!(rapport_core::secrets::Keyring::sealed_key_id(&sealed), Some(ring.current_id()));

        let o = db.run(&["secrets", "rotate", "--new-key"]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).contains("Sealed 1 secret(s)"), "{}", stdout(&o));
        let ring = rapport_core::secrets::Keyring::parse(&std::fs::read_to_string(&key_file).unwrap()).unwrap();
        assert_eq!(ring.key_ids().len(), 2, "the old key stays listed");
        let resealed = raw(select).unwrap();
        assert_eq!(rapport_core::secrets::Keyring::sealed_key_id(&resealed), Some(ring.current_id()));
        assert_eq!(
            ring.open(&resealed, &raw("SELECT id FROM users WHERE email = 'totp@clinic.example'").unwrap()).unwrap(),
            plain
        );
        let o = db.run(&["secrets", "rotate"]);
        assert!(stdout(&o).contains("Sealed 0 secret(s)"), "{}", stdout(&o));
        // A key file that does not parse stops the command with its line named.
        std::fs::write(&key_file, "not a key\n").unwrap();
        let o = db.run(&["secrets", "rotate"]);
        assert!(!o.status.success() && stderr(&o).contains("line 1"), "{}", stderr(&o));
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
    assert_eq!(
        users.lines().count(),
        11,
        "admin, supervisor, programme manager, 3 clinicians; the programme's master trainer, group supervisor and \
         3 facilitators"
    );
    assert_eq!(users.lines().filter(|l| l.contains("\tfacilitator\tactive")).count(), 3, "{users}");
    assert!(users.contains("programme.manager@demo.rapport.test\tprogramme_manager\tactive"), "{users}");
    for line in [
        "master.trainer@demo.rapport.test",
        "facilitator1@demo.rapport.test",
        "programme.manager@demo.rapport.test",
        "/groups/",
        "/programme",
    ] {
        assert!(out.contains(line), "{line} printed: {out}");
    }
    assert!(out.contains("4 of 8 meetings") && out.contains("2 dropped out and 1 referred"), "{out}");
    assert!(out.contains("IPT courses: one in every phase"));
    assert!(out.contains("/supervision as the supervisor") && out.contains("Initial phase overdue"), "{out}");
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
    // The signed checkpoint written with the backup anchors the copy's tail.
    let side = db.dir.path().join("backup.db.checkpoint.json");
    let key = db.dir.path().join("data/audit-checkpoint.key");
    let o = Command::new(BIN)
        .args(["--database-url", &format!("sqlite://{}", copy.display()), "--audit-key-file", key.to_str().unwrap()])
        .args(["audit", "verify", "--checkpoints", side.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("all 1 signed checkpoints"), "{}", stdout(&o));
    // The demo's measures: trajectories and exactly one open risk flag.
    let counts = counts_in(
        &copy,
        &[
            "SELECT COUNT(*) AS n FROM measure_responses",
            "SELECT COUNT(*) AS n FROM risk_flags WHERE status = 'open'",
            "SELECT COUNT(*) AS n FROM fidelity_ratings",
            "SELECT COUNT(*) AS n FROM fidelity_ratings WHERE rater_kind = 'supervisor' AND pass = 1",
            "SELECT COUNT(*) AS n FROM supervision_meetings",
            "SELECT COUNT(*) AS n FROM supervision_actions WHERE due_on < date('now') AND done_at IS NULL",
            "SELECT COUNT(*) AS n FROM trainings",
            "SELECT COUNT(*) AS n FROM certifications WHERE expires_on > date('now', '+30 days') \
             AND expires_on <= date('now', '+60 days')",
            "SELECT COUNT(*) AS n FROM fidelity_ratings WHERE group_session_id IS NOT NULL",
        ],
    );
    assert!(counts[0] >= 12 * 8, "{counts:?}");
    assert_eq!(counts[1], 2, "the overdue flag and the one from today's group meeting");
    assert_eq!(
        counts[2..],
        [6, 2, 2, 1, 1, 1, 3],
        "ratings (two passing supervisor's), meetings, an overdue action, a training, a certification due \
         for renewal, three ratings of group meetings"
    );
    demo_programme_is_complete(&copy);
    demo_caseloads_follow_the_records(&copy);
    let o = db.run(&["backup", "--to", copy.to_str().unwrap()]);
    assert!(!o.status.success() && stderr(&o).contains("already exists"));
}

/// The `n` each of `queries` counts in the SQLite database `db`.
fn counts_in(db: &Path, queries: &[&str]) -> Vec<i64> {
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        use sqlx::{Connection, Row};
        sqlx::any::install_default_drivers();
        let mut c = sqlx::AnyConnection::connect(&format!("sqlite://{}", db.display())).await.unwrap();
        let mut n = Vec::new();
        for q in queries {
            n.push(sqlx::query(q).fetch_one(&mut c).await.unwrap().try_get::<i64, _>("n").unwrap());
        }
        n
    })
}

/// The demo's caseload read models follow its records (decisions 46 and 58):
/// its archived clients are archived on their cards and in every viewer's
/// list (the demo once archived them without naming them in the audit
/// entry, and their cards stayed active, so they showed on active
/// caseloads), and each list holds exactly the clients its viewer reaches.
fn demo_caseloads_follow_the_records(db: &Path) {
    let counts = counts_in(
        db,
        &[
            "SELECT COUNT(*) AS n FROM clients WHERE status = 'archived'",
            "SELECT COUNT(*) AS n FROM clients c LEFT JOIN caseload_cards k ON k.client_id = c.id \
             WHERE k.status IS NULL OR k.status <> c.status OR k.sort_name <> c.sort_name",
            "SELECT COUNT(*) AS n FROM caseload_lists l JOIN clients c ON c.id = l.client_id \
             WHERE l.status <> c.status OR l.sort_name <> c.sort_name OR l.clinician_id <> c.responsible_clinician_id",
            "SELECT COUNT(*) AS n FROM caseload_lists",
            "SELECT COUNT(*) AS n FROM (SELECT t.user_id, t.client_id FROM care_team t UNION SELECT s.supervisor_id, \
             t.client_id FROM care_team t JOIN supervision_reach s ON s.clinician_id = t.user_id) reach",
        ],
    );
    assert!(counts[0] > 0, "the demo archives some clients: {counts:?}");
    assert_eq!(counts[1..3], [0, 0], "cards and lists that differ from their clients: {counts:?}");
    assert_eq!(counts[3], counts[4], "one list row per client each viewer reaches: {counts:?}");
}

/// The demo's group programme as stored: three groups in their three states,
/// meetings a week apart, scores only from members present, the risk flag
/// from today's meeting, each funnel outcome, members at their site.
fn demo_programme_is_complete(db: &Path) {
    let rows = tokio::runtime::Runtime::new().unwrap().block_on(async {
        use sqlx::{Connection, Row};
        sqlx::any::install_default_drivers();
        let mut c = sqlx::AnyConnection::connect(&format!("sqlite://{}", db.display())).await.unwrap();
        let mut out = Vec::new();
        for q in [
            // name | protocol | meetings | closed | current | members | days between its first and last
            // meeting | days from its last meeting to the latest meeting of all
            "SELECT g.name || '|' || g.protocol_id || '|' || (SELECT COUNT(*) FROM group_sessions s WHERE s.group_id = g.id) \
               || '|' || (g.closed_at IS NOT NULL) \
               || '|' || (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id \
                    AND m.status IN ('awaiting_pre_group', 'pre_group_done', 'active')) \
               || '|' || (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id) \
               || '|' || COALESCE(CAST(ROUND((SELECT MAX(julianday(held_on)) - MIN(julianday(held_on)) FROM group_sessions s \
                    WHERE s.group_id = g.id)) AS INTEGER), -1) \
               || '|' || COALESCE(CAST(ROUND((SELECT MAX(julianday(held_on)) FROM group_sessions) \
                    - (SELECT MAX(julianday(held_on)) FROM group_sessions s WHERE s.group_id = g.id)) AS INTEGER), -1) AS v \
             FROM therapy_groups g ORDER BY g.name",
            // The latest meeting is today (the organisation's day, within a day of UTC's).
            "SELECT 'latest-meeting-today:' || (ABS(julianday('now') - MAX(julianday(held_on))) < 1.05) AS v \
             FROM group_sessions",
            "SELECT status || ':' || COUNT(*) AS v FROM group_members GROUP BY status ORDER BY status",
            "SELECT outcome || ':' || COUNT(*) AS v FROM screenings GROUP BY outcome ORDER BY outcome",
            // Every score at a meeting is from a member marked present, and every present member has one.
            "SELECT 'responses:' || (SELECT COUNT(*) FROM measure_responses WHERE group_session_id IS NOT NULL) \
               || ' present:' || (SELECT COUNT(*) FROM group_attendance WHERE attended = 1) \
               || ' absent-scored:' || (SELECT COUNT(*) FROM measure_responses r JOIN group_attendance a \
                    ON a.session_id = r.group_session_id AND a.client_id = r.client_id WHERE a.attended = 0) AS v",
            // Most of the mid-way group's members score lower at their latest meeting than at baseline.
            "SELECT 'improved-since-baseline:' || SUM(CASE WHEN (SELECT r.total FROM measure_responses r \
                JOIN group_sessions s ON s.id = r.group_session_id WHERE r.client_id = m.client_id \
                AND s.group_id = m.group_id ORDER BY s.number DESC LIMIT 1) < b.total THEN 1 ELSE 0 END) \
                || ' of ' || COUNT(*) AS v \
             FROM group_members m JOIN measure_responses b ON b.id = m.baseline_response_id \
             JOIN therapy_groups g ON g.id = m.group_id WHERE g.name LIKE '%cycle 2'",
            "SELECT 'meeting-flags:' || f.status AS v FROM risk_flags f JOIN measure_responses r ON r.id = f.response_id \
             WHERE r.group_session_id IS NOT NULL",
            "SELECT 'members-without-site:' || COUNT(*) AS v FROM group_members m JOIN clients c ON c.id = m.client_id \
             WHERE c.site_id IS NULL",
            "SELECT 'members-of-non-facilitators:' || COUNT(*) AS v FROM group_members m JOIN clients c ON c.id = m.client_id \
             JOIN users u ON u.id = c.responsible_clinician_id WHERE u.role <> 'facilitator'",
            // The notice names no member and links to the risk flags page.
            "SELECT 'supervisor-notices:' || COUNT(*) AS v FROM outbox o JOIN users u ON u.id = o.recipient_user_id \
             WHERE o.kind = 'risk_flag_group' AND u.email = 'group.supervisor@demo.rapport.test' \
             AND o.body LIKE '%/risk-flags%' \
             AND NOT EXISTS (SELECT 1 FROM clients c WHERE o.body LIKE '%' || c.display_name || '%')",
            "SELECT 'trainer-reaches:' || COUNT(*) AS v FROM supervision_reach r JOIN users u ON u.id = r.supervisor_id \
             WHERE u.email = 'master.trainer@demo.rapport.test'",
        ] {
            for r in sqlx::query(q).fetch_all(&mut c).await.unwrap() {
                out.push(r.try_get::<String, _>("v").unwrap());
            }
        }
        out
    });
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    assert_eq!(
        rows,
        [
            // The adolescent group has held no meeting; the mid-way group met weekly, last today;
            // the finished one met weekly for 12 weeks, ending three weeks ago.
            "Hillside Secondary Form 3 group|ipt-ag|0|0|7|7|-1|-1",
            "Kasese North women's group, cycle 1|ipt-group-12|12|1|0|12|77|21",
            "Kasese North women's group, cycle 2|ipt-group-who|4|0|10|10|21|0",
            "latest-meeting-today:1",
            "active:10",
            "awaiting_pre_group:3",
            "completed:9",
            "dropped_out:2",
            "pre_group_done:4",
            "referred:1",
            "eligible:32",
            "not_eligible:3",
            "referred:1",
            "responses:145 present:145 absent-scored:0",
            "improved-since-baseline:8 of 10",
            "meeting-flags:open",
            "members-without-site:0",
            "members-of-non-facilitators:0",
            "supervisor-notices:1",
            "trainer-reaches:4",
        ]
    );
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

#[test]
fn a_bad_site_instrument_file_stops_the_start_naming_file_instrument_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let instruments = dir.path().join("instruments");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::create_dir_all(&instruments).unwrap();
    let serve = || {
        Command::new(BIN)
            .args(["--data-dir", data.to_str().unwrap(), "serve", "--listen", "127.0.0.1:0"])
            .args(["--instruments-dir", instruments.to_str().unwrap()])
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    // A "PHQ-9" replacement without item 9: a structure change of a shipped instrument.
    let mut phq9: serde_json::Value =
        serde_json::from_str(include_str!("../../rapport-core/instruments/phq9.json")).unwrap();
    phq9["version"] = "1-site".into();
    // A site's own version carries no translations (they follow the shipped text).
    phq9.as_object_mut().unwrap().remove("translations");
    phq9["items"].as_array_mut().unwrap().pop();
    phq9["unscored_items"][0]["number"] = 9.into();
    phq9["risk_items"] = serde_json::json!([]);
    phq9["range"]["max"] = 24.into();
    phq9["band_sets"][0]["bands"][4]["max"] = 24.into();
    std::fs::write(instruments.join("phq9-local.json"), phq9.to_string()).unwrap();
    let o = serve();
    let err = stderr(&o);
    assert!(!o.status.success(), "{err}");
    assert!(err.contains("phq9-local.json: items: 8 scored items where the shipped PHQ-9 (phq9) has 9"), "{err}");
    assert!(err.contains("phq9-local.json: risk_items: "), "{err}");
    assert!(!stdout(&o).contains("listening"), "{}", stdout(&o));

    // The same items under a new id: the PHQ-9 without item 9 by another name.
    phq9["id"] = "mood8".into();
    std::fs::remove_file(instruments.join("phq9-local.json")).unwrap();
    std::fs::write(instruments.join("mood8.json"), phq9.to_string()).unwrap();
    let o = serve();
    let err = stderr(&o);
    assert!(!o.status.success(), "{err}");
    assert!(err.contains("mood8.json: items: instrument \"mood8\" is the PHQ-9 without its risk item 9"), "{err}");

    // An overlay written for another shipped version.
    std::fs::remove_file(instruments.join("mood8.json")).unwrap();
    std::fs::write(
        instruments.join("epds-en.json"),
        r#"{"overlay": "epds", "base_version": "0", "version": "en-1", "language": "en", "items": []}"#,
    )
    .unwrap();
    let o = serve();
    let err = stderr(&o);
    assert!(!o.status.success(), "{err}");
    assert!(err.contains("epds-en.json: base_version: the shipped EPDS (epds) is version \"1\""), "{err}");
}

#[test]
fn demo_prints_full_addresses_and_the_serve_command_with_unique_names_and_plain_logs() {
    let db = Db::sqlite();
    let o = db.run(&["demo", "--clients", "60", "--listen", "127.0.0.1:18999"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let base = "http://127.0.0.1:18999";
    for path in ["/courses/", "/clients/", "/m/", "/portal/login as ", "/login (staff)"] {
        assert!(out.contains(&format!("{base}{path}")), "{path} printed as a full address: {out}");
    }
    assert!(
        !out.contains(" /courses/") && !out.contains(" /m/") && !out.contains("(/courses/"),
        "no bare paths: {out}"
    );
    // The exact command to run next: this binary, the same (absolute) data directory, the same address.
    let data = db.dir.path().join("data");
    let serve = format!("  {BIN} --data-dir {} serve --listen 127.0.0.1:18999", data.display());
    assert!(out.lines().any(|l| l == serve), "expected {serve:?} in {out}");
    // Logs are plain text when stderr is not a terminal.
    let err = stderr(&o);
    assert!(err.contains("INFO") && !err.contains('\u{1b}'), "{err:?}");

    // Generated names: 60 clients, none twice, none a staff member's name.
    let names = tokio::runtime::Runtime::new().unwrap().block_on(async {
        use sqlx::{Connection, Row};
        sqlx::any::install_default_drivers();
        let mut c = sqlx::AnyConnection::connect(&db.sqlite_url()).await.unwrap();
        // The practice's clients have no site; the group programme's people belong to theirs.
        let clients: Vec<(String, bool)> = sqlx::query("SELECT display_name, site_id FROM clients")
            .fetch_all(&mut c)
            .await
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r.try_get::<String, _>("display_name").unwrap(),
                    r.try_get::<Option<String>, _>("site_id").unwrap().is_some(),
                )
            })
            .collect();
        let staff: Vec<String> = sqlx::query("SELECT name FROM users")
            .fetch_all(&mut c)
            .await
            .unwrap()
            .iter()
            .map(|r| r.try_get::<String, _>("name").unwrap())
            .collect();
        (clients, staff)
    });
    let (clients, staff) = names;
    assert_eq!(clients.iter().filter(|(_, at_site)| !at_site).count(), 60);
    let clients: Vec<String> = clients.into_iter().map(|(name, _)| name).collect();
    assert!(clients.len() > 60, "the group programme's people too");
    let mut unique = clients.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), clients.len(), "a demo name repeats: {clients:?}");
    for s in &staff {
        let plain = s.split(" (").next().unwrap();
        assert!(!clients.iter().any(|c| c == plain), "client named like staff member {s}");
    }

    // The serve banner names the menu that holds the outbox, and its log is plain too.
    let log_file = db.dir.path().join("serve.log");
    let mut child = db
        .cmd(&["serve", "--listen", "127.0.0.1:0"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(&log_file).unwrap())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut email = None;
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline && email.is_none() {
        let Some(Ok(line)) = lines.next() else { break };
        if line.starts_with("E-mail:") {
            email = Some(line);
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let email = email.expect("the banner has an E-mail line");
    assert!(
        email.contains("Settings > \"See every message and whether it was sent\"") && email.contains("/admin/email"),
        "{email}"
    );
    let log = std::fs::read_to_string(&log_file).unwrap();
    assert!(log.contains("database ready") && !log.contains('\u{1b}'), "{log:?}");
}

/// One text a query answers, read directly from the SQLite file.
fn sqlite_text(db: &Db, sql: &str) -> String {
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        use sqlx::{Connection, Row};
        sqlx::any::install_default_drivers();
        let mut c = sqlx::AnyConnection::connect(&db.sqlite_url()).await.unwrap();
        let v: String = sqlx::query(sql).fetch_one(&mut c).await.unwrap().get(0);
        c.close().await.unwrap();
        v
    })
}

#[test]
fn demo_in_spanish_speaks_spanish_and_an_unknown_language_seeds_nothing() {
    let db = Db::sqlite();
    let o = db.run(&["demo", "--language", "xx"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("unknown demo language \"xx\"; choose one of: en, es, fr"), "{}", stderr(&o));
    assert!(!db.dir.path().join("data").exists(), "nothing created");

    let o = db.run(&["demo", "--language", "es", "--clinicians", "1", "--clients", "4"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Contraseña de todas las cuentas de demostración: rapport-demo-2026"), "{out}");
    assert!(out.contains("Inicie sesión con cualquiera de estas cuentas"), "{out}");
    let count = |sql: &str| sqlite_text(&db, &format!("SELECT CAST(COUNT(*) AS TEXT) FROM {sql}"));
    assert_eq!(sqlite_text(&db, "SELECT default_language FROM organisation"), "es");
    assert_ne!(count("users"), "0");
    let staff = "users WHERE role <> 'client' AND (language IS NULL OR language <> 'es')";
    assert_eq!(count(staff), "0", "every staff account reads Spanish");
    assert_eq!(count("clients WHERE preferred_language IS NULL OR preferred_language <> 'es'"), "0");
    let surnames = ["Ejemplo", "Muestra", "Prueba", "Ficticio", "Inventado", "Simulado", "Modelo", "Supuesto"];
    let surnames = [&surnames[..], &["Imaginario", "Ensayo", "Borrador", "Maqueta", "Demostración", "Boceto"]].concat();
    let spanish: Vec<String> =
        surnames.iter().chain(&["Ejercicio", "Plantilla"]).map(|l| format!("display_name LIKE '% {l}'")).collect();
    // The practice's clients and the group programme's members (Ugandan first names) alike.
    assert_eq!(count(&format!("clients WHERE NOT ({})", spanish.join(" OR "))), "0", "Spanish surnames");
    assert_eq!(count("clients WHERE pronouns NOT IN ('ella', 'él', 'elle')"), "0", "Spanish pronouns");
    let staff_names =
        "users WHERE name LIKE '%demo clinician)' OR name LIKE '%demo facilitator)' OR name LIKE '%trainer)'";
    assert_eq!(count(staff_names), "0", "staff names in Spanish");
    let goals = "group_members WHERE goal LIKE 'Visit one neighbour%' OR goal LIKE 'Settle into%'";
    assert_eq!(count(goals), "0", "group goals in Spanish");
    let notes = "progress_notes WHERE problem_area_work LIKE 'Inventario completo; el inicio se relaciona%'";
    assert_eq!(count(notes), "1", "a Spanish session note");
}

#[test]
fn messages_follow_rapport_language_or_lang_and_the_exit_code_does_not_change() {
    let db = Db::sqlite();
    let args = ["user", "create", "--email", "not-an-email", "--name", "A", "--role", "clinician", "--password-stdin"];
    let mut spanish = db.cmd(&args);
    spanish.env("RAPPORT_LANGUAGE", "es").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = spanish.spawn().unwrap();
    let _ = child.stdin.take().unwrap().write_all(PW.as_bytes());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("error: --email \"not-an-email\" no es una dirección de correo electrónico"),
        "{}",
        stderr(&o)
    );
    // Without RAPPORT_LANGUAGE, LANG's primary tag (fr_FR.UTF-8 is French).
    let mut french = db.cmd(&[
        "user",
        "create",
        "--email",
        "a@clinic.example",
        "--name",
        "A",
        "--role",
        "clinician",
        "--password-stdin",
    ]);
    french.env("LANG", "fr_FR.UTF-8").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = french.spawn().unwrap();
    let _ = child.stdin.take().unwrap().write_all(b"short\n");
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("mot de passe refusé\u{a0}: Le mot de passe doit comporter au moins 12 caractères"),
        "{}",
        stderr(&o)
    );
    let o = db.run_with_stdin(&args, PW);
    assert!(stderr(&o).contains("not an email address"), "English by default: {}", stderr(&o));
}

/// One statement on the test's database (either backend); the first column of
/// its first row as a number when it returns one.
fn sql_number(db: &Db, sql: &str) -> i64 {
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        use sqlx::{Connection, Row};
        sqlx::any::install_default_drivers();
        let mut c = sqlx::AnyConnection::connect(&db.sqlite_url()).await.unwrap();
        let v = match sqlx::query(sql).fetch_optional(&mut c).await.unwrap() {
            Some(row) => row.try_get::<i64, _>(0).unwrap_or(0),
            None => 0,
        };
        c.close().await.unwrap();
        v
    })
}

/// The programme-outcomes read model from the command line: `reports rebuild`
/// rebuilds it with a progress bar and says how much; a database holding
/// records but never built (as after an upgrade) is built when the server
/// starts; a bad batch size is refused.
#[test]
fn reports_rebuild_and_the_first_start_after_an_upgrade() {
    for db in backends() {
        let o = db.run(&["demo", "--clinicians", "2", "--clients", "6"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let rows = sql_number(&db, "SELECT COUNT(*) FROM outcome_rows");
        let flags = sql_number(&db, "SELECT COUNT(*) FROM outcome_flags");
        assert!(rows >= 120 && flags >= 5, "the demo's history is in the read model: {rows} rows, {flags} flags");
        let clients = sql_number(&db, "SELECT COUNT(*) FROM clients");

        let o = db.run(&["reports", "rebuild", "--batch", "7"]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(
            stdout(&o).contains(&format!(
                "Programme outcomes rebuilt: {rows} courses and group memberships of {clients} clients"
            )),
            "{}",
            stdout(&o)
        );
        assert!(stderr(&o).contains("100 %"), "a progress bar: {}", stderr(&o));
        assert_eq!(sql_number(&db, "SELECT COUNT(*) FROM outcome_rows"), rows);
        assert_eq!(sql_number(&db, "SELECT COUNT(*) FROM outcome_flags"), flags);
        // The running totals are rebuilt with the rows: the finished courses are in them.
        assert_eq!(sql_number(&db, "SELECT totals_built FROM outcome_model"), 1);
        assert_eq!(
            sql_number(&db, "SELECT MAX(ended) FROM outcome_totals WHERE basis = 'ended' AND dim = 'all'"),
            sql_number(&db, "SELECT COUNT(*) FROM outcome_rows WHERE ended_on IS NOT NULL")
        );

        // As after an upgrade from a release without the read model.
        sql_number(&db, "DELETE FROM outcome_rows");
        sql_number(&db, "DELETE FROM outcome_flags");
        sql_number(&db, "UPDATE outcome_model SET built_at = NULL");
        let server = Server::start(&db);
        server.wait_ready();
        server.stop();
        assert_eq!(sql_number(&db, "SELECT COUNT(*) FROM outcome_rows"), rows, "built once at start");
        assert_eq!(sql_number(&db, "SELECT COUNT(*) FROM outcome_model WHERE built_at IS NOT NULL"), 1);

        let o = db.run(&["reports", "rebuild", "--batch", "0"]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains("--batch"), "{}", stderr(&o));
    }
}

#[test]
fn research_export_from_the_command_line() {
    for db in backends() {
        let out = db.dir.path().join("research.zip");
        if db.url.is_some() {
            // Without a secrets key there is nothing to seal the pseudonym key with: refused, plainly.
            let o = db.run(&["research-export", "--purpose", "Outcomes", "--approval", "REC 1", "--out", &out_s(&out)]);
            assert!(!o.status.success());
            assert!(stderr(&o).contains("secrets key"), "{}", stderr(&o));
            assert!(!out.exists());
            let data = db.dir.path().join("data");
            std::fs::create_dir_all(&data).unwrap();
            std::fs::write(data.join("secrets.key"), format!("{}\n", "ab".repeat(32))).unwrap();
        }
        let out_s = out_s(&out);
        // The purpose is required and checked; nothing is written without it.
        let o = db.run(&["research-export", "--purpose", " ", "--approval", "REC 1", "--out", &out_s]);
        assert!(!o.status.success());
        assert!(stderr(&o).contains("purpose"), "{}", stderr(&o));
        assert!(!out.exists());
        let o = db.run(&["research-export", "--purpose", "Outcomes", "--approval", "REC 1", "--out", &out_s]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).contains("0 people"), "{}", stdout(&o));
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"));
        assert!(bytes.windows(10).any(|w| w == b"people.csv"));
        // An existing file is never overwritten.
        let o = db.run(&["research-export", "--purpose", "Outcomes", "--approval", "REC 1", "--out", &out_s]);
        assert!(!o.status.success());
        assert!(stderr(&o).contains("cannot create"), "{}", stderr(&o));
    }
}

fn out_s(p: &std::path::Path) -> String {
    p.display().to_string()
}

/// A connection to the test's database (the SQLite file is created if missing).
async fn connect(db: &Db) -> sqlx::AnyConnection {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let url = match &db.url {
        Some(u) => u.clone(),
        None => {
            std::fs::create_dir_all(db.dir.path().join("data")).unwrap();
            format!("{}?mode=rwc", db.sqlite_url())
        }
    };
    sqlx::AnyConnection::connect(&url).await.unwrap()
}

/// A database with the migrations of an earlier version only (up to and
/// including `last`), made with the migration files themselves.
fn migrated_up_to(db: &Db, last: i64) {
    let folder = if db.url.is_some() { "postgres" } else { "sqlite" };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rapport-store/migrations").join(folder);
    reqwest::rt().block_on(async {
        use sqlx::Connection;
        let mut conn = connect(db).await;
        let mut m = sqlx::migrate::Migrator::new(dir).await.unwrap();
        m.migrations = std::borrow::Cow::Owned(m.migrations.iter().filter(|x| x.version <= last).cloned().collect());
        m.run(&mut conn).await.unwrap();
        conn.close().await.unwrap();
    });
}

/// Runs one statement on the test's database.
fn sql(db: &Db, statement: &str) {
    reqwest::rt().block_on(async {
        use sqlx::Connection;
        let mut conn = connect(db).await;
        sqlx::query(statement).execute(&mut conn).await.unwrap();
        conn.close().await.unwrap();
    });
}

/// `--no-migrate` never changes the schema: it refuses a database that is
/// behind (naming what it needs) or missing; `migrate --dry-run` lists what is
/// pending and changes nothing; a database migrated by a newer version is
/// refused by every command, with or without `--no-migrate`.
#[test]
fn no_migrate_refuses_a_database_behind_and_dry_run_lists_what_is_pending() {
    for db in backends() {
        if db.url.is_none() {
            let o = db.run(&["--no-migrate", "user", "list"]);
            assert_eq!(o.status.code(), Some(1));
            assert!(stderr(&o).contains("there is no database in"), "{}", stderr(&o));
            assert!(!db.dir.path().join("data").exists(), "nothing created");
            let o = db.run(&["migrate", "--dry-run"]);
            assert_eq!(o.status.code(), Some(1), "pending migrations: exit 1");
            assert!(stdout(&o).contains("0 migrations applied") && stdout(&o).contains("pending: 0001 foundation"));
            assert!(!db.dir.path().join("data").exists(), "a dry run creates nothing");
        }
        migrated_up_to(&db, 41);
        let o = db.run(&["migrate", "--dry-run"]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let out = stdout(&o);
        assert!(out.contains("pending: 0042 caseload cards") && !out.contains("pending: 0041"), "{out}");
        assert!(out.contains("Nothing was changed."), "{out}");

        for args in [&["--no-migrate", "user", "list"][..], &["--no-migrate", "serve", "--listen", "127.0.0.1:0"]] {
            let o = db.run(args);
            assert_eq!(o.status.code(), Some(1), "{args:?}");
            let err = stderr(&o);
            assert!(err.contains("--no-migrate was given") && err.contains("0042 caseload cards"), "{err}");
        }
        let o = db.run(&["--no-migrate", "migrate"]);
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains("migrate --dry-run"), "{}", stderr(&o));
        // Nothing was applied by any of that.
        assert_eq!(db.run(&["migrate", "--dry-run"]).status.code(), Some(1));

        let o = db.run(&["migrate"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let o = db.run(&["migrate", "--dry-run"]);
        assert!(o.status.success() && stdout(&o).contains(", 0 pending"), "{}", stdout(&o));
        create_user(&db, "after@clinic.example", "clinician");
        let o = db.run(&["--no-migrate", "user", "list"]);
        assert!(o.status.success() && stdout(&o).contains("after@clinic.example"), "{}", stderr(&o));

        if let Some(url) = &db.url {
            // PostgreSQL: a role that may read and write but not create
            // anything runs every command with --no-migrate.
            let role = format!("app_{}", url.rsplit('/').next().unwrap());
            for statement in [
                format!("CREATE ROLE {role} LOGIN"),
                format!("GRANT USAGE ON SCHEMA public TO {role}"),
                format!("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}"),
                format!("REVOKE INSERT, UPDATE, DELETE ON _sqlx_migrations FROM {role}"),
            ] {
                sql(&db, &statement);
            }
            let app_url = url.replacen("postgres@", &format!("{role}@"), 1);
            let app = Db { dir: tempfile::tempdir().unwrap(), url: Some(app_url) };
            let o = app.run(&["migrate"]);
            assert_eq!(o.status.code(), Some(1), "the role cannot migrate: {}", stdout(&o));
            let o = app.run(&["--no-migrate", "user", "list"]);
            assert!(o.status.success() && stdout(&o).contains("after@clinic.example"), "{}", stderr(&o));
            let o = app.run(&["--no-migrate", "audit", "verify"]);
            assert!(o.status.success(), "{}", stderr(&o));
            // Roles belong to the cluster, not the test's database: drop it.
            sql(&db, &format!("DROP OWNED BY {role}"));
            sql(&db, &format!("DROP ROLE {role}"));
        }

        // A newer version's migration: refused whatever the flags.
        let checksum = if db.url.is_some() { "decode('00', 'hex')" } else { "X'00'" };
        sql(
            &db,
            &format!(
                "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
                 VALUES (9999, 'from the future', TRUE, {checksum}, 1)"
            ),
        );
        for args in [&["user", "list"][..], &["--no-migrate", "user", "list"], &["migrate"]] {
            let o = db.run(args);
            assert_eq!(o.status.code(), Some(1), "{args:?}");
            assert!(
                stderr(&o).contains("9999 from the future") && stderr(&o).contains("newer Rapport"),
                "{}",
                stderr(&o)
            );
        }
        let o = db.run(&["migrate", "--dry-run"]);
        assert_eq!(o.status.code(), Some(1));
        assert!(stdout(&o).contains("applied by a newer Rapport"), "{}", stdout(&o));
    }
}

/// Copies every row of `from` (a SQLite database the current version made)
/// into `to`, a database migrated only as far as `last` (an earlier
/// release's schema): the tables and columns that schema has, values as SQL
/// literals. Returns the rows copied per table.
fn copy_into_older_schema(from: &Path, to: &Db, last: i64) -> Vec<(String, i64)> {
    let reference = Db::sqlite();
    migrated_up_to(&reference, last);
    reqwest::rt().block_on(async {
        use sqlx::{Connection, Row};
        sqlx::any::install_default_drivers();
        let mut shape = sqlx::AnyConnection::connect(&reference.sqlite_url()).await.unwrap();
        let mut src = sqlx::AnyConnection::connect(&format!("sqlite://{}", from.display())).await.unwrap();
        let mut dst = sqlx::AnyConnection::connect(&to.sqlite_url()).await.unwrap();
        let postgres = to.url.is_some();
        // Rows go in table by table, so foreign keys are checked by the
        // upgrade's own reads, not while loading.
        let off = if postgres { "SET session_replication_role = replica" } else { "PRAGMA foreign_keys = OFF" };
        sqlx::query(off).execute(&mut dst).await.unwrap();
        let tables: Vec<String> = sqlx::query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name <> '_sqlx_migrations' ORDER BY rowid",
        )
        .fetch_all(&mut shape)
        .await
        .unwrap()
        .iter()
        .map(|r| r.get::<String, _>(0))
        .collect();
        let mut copied = Vec::new();
        let mut singletons = Vec::new();
        for table in tables {
            let columns: Vec<String> = sqlx::query(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .fetch_all(&mut shape)
                .await
                .unwrap()
                .iter()
                .map(|r| r.get::<String, _>(0))
                .collect();
            let literals = columns.iter().map(|c| format!("quote({c})")).collect::<Vec<_>>().join(", ");
            let rows = sqlx::query(&format!("SELECT {literals} FROM {table}")).fetch_all(&mut src).await.unwrap();
            // A row its migration made (the audit head, the read model's
            // state) is updated, after everything else is in.
            let made: i64 =
                sqlx::query(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&mut shape).await.unwrap().get(0);
            for r in &rows {
                let values: Vec<String> = (0..columns.len())
                    .map(|i| {
                        let v: String = r.get(i);
                        match v.strip_prefix("X'") {
                            Some(hex) if postgres => format!("decode('{}', 'hex')", hex.trim_end_matches('\'')),
                            _ => v,
                        }
                    })
                    .collect();
                if made > 0 {
                    let set = columns.iter().zip(&values).map(|(c, v)| format!("{c} = {v}")).collect::<Vec<_>>();
                    singletons.push(format!("UPDATE {table} SET {} WHERE id = {}", set.join(", "), values[0]));
                } else {
                    let sql = format!("INSERT INTO {table} ({}) VALUES ({})", columns.join(", "), values.join(", "));
                    sqlx::query(&sql).execute(&mut dst).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
                }
            }
            copied.push((table, rows.len() as i64));
        }
        for sql in singletons {
            sqlx::query(&sql).execute(&mut dst).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
        }
        copied
    })
}

fn count_rows(db: &Db, table: &str) -> i64 {
    reqwest::rt().block_on(async {
        use sqlx::{Connection, Row};
        sqlx::any::install_default_drivers();
        let mut conn = sqlx::AnyConnection::connect(&db.sqlite_url()).await.unwrap();
        sqlx::query(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&mut conn).await.unwrap().get::<i64, _>(0)
    })
}

/// The last migration of the release before this one: the upgrade test
/// starts from its schema. Move it forward when a release is cut.
const PREVIOUS_RELEASE_SCHEMA: i64 = 41;

/// The upgrade test: a database made by an earlier release's migrations
/// (through [`PREVIOUS_RELEASE_SCHEMA`], 0041: before caseload cards) holding a whole demo
/// organisation is upgraded by `rapport migrate`. Every row is still there,
/// the audit chain verifies, the caseload cards are built for every client,
/// and the server answers from it (a clinician's caseload and a risk flag).
#[test]
fn a_database_from_an_earlier_release_upgrades_with_its_data() {
    let demo = Db::sqlite();
    let o = demo.run(&["demo", "--clinicians", "1", "--clients", "4"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let demo_file = demo.dir.path().join("data/rapport.db");
    for db in backends() {
        migrated_up_to(&db, PREVIOUS_RELEASE_SCHEMA);
        let copied = copy_into_older_schema(&demo_file, &db, PREVIOUS_RELEASE_SCHEMA);
        let clients = copied.iter().find(|(t, _)| t == "clients").unwrap().1;
        assert!(clients > 100 && copied.iter().find(|(t, _)| t == "audit_log").unwrap().1 > 1000, "{copied:?}");
        // The demo's keys come with its data (sealed secrets, checkpoints).
        std::fs::create_dir_all(db.dir.path().join("data")).unwrap();
        for key in ["secrets.key", "audit-checkpoint.key"] {
            let from = demo.dir.path().join("data").join(key);
            if from.exists() {
                std::fs::copy(&from, db.dir.path().join("data").join(key)).unwrap();
            }
        }
        let o = db.run(&["migrate", "--dry-run"]);
        assert!(stdout(&o).contains("pending: 0042 caseload cards"), "{}", stdout(&o));

        let o = db.run(&["migrate"]);
        assert!(o.status.success(), "{}", stderr(&o));
        for (table, n) in &copied {
            assert_eq!(count_rows(&db, table), *n, "{table} after the upgrade");
        }
        assert_eq!(count_rows(&db, "caseload_cards"), clients, "a card for every client");
        let o = db.run(&["audit", "verify"]);
        assert!(o.status.success(), "{} {}", stdout(&o), stderr(&o));

        let t = token(&db, "clinician1@demo.rapport.test");
        let server = Server::start(&db);
        server.wait_ready();
        let (s, body) = reqwest::call(reqwest::Method::GET, &format!("{}/api/v1/clients", server.base), &t, None);
        assert_eq!(s, 200, "{body}");
        // `--clients 4`: the clinician's four individual clients (the rest are in groups).
        assert_eq!(body.as_array().map(|a| a.len()), Some(4), "the clinician's caseload: {body}");
        let (s, body) = reqwest::call(reqwest::Method::GET, &format!("{}/api/v1/today", server.base), &t, None);
        assert_eq!(s, 200, "{body}");
        assert!(body["open_flags"].as_array().is_some_and(|a| !a.is_empty()), "a flag from before: {body}");
        server.stop();
    }
}

/// Signs in with a password through the staff login form: 303 on success.
fn password_sign_in(base: &str, email: &str, password: &str) -> u16 {
    reqwest::rt().block_on(async {
        let http = ::reqwest::Client::builder()
            .cookie_store(true)
            .redirect(::reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let page = http.get(format!("{base}/login")).send().await.unwrap().text().await.unwrap();
        let at = page.find("name=\"csrf\" value=\"").expect("a CSRF field") + 19;
        let csrf = &page[at..at + page[at..].find('"').unwrap()];
        let form = [("email", email), ("password", password), ("csrf", csrf)];
        http.post(format!("{base}/login")).form(&form).send().await.unwrap().status().as_u16()
    })
}

fn clients_in(db_file: &Path) -> i64 {
    reqwest::rt().block_on(async {
        use sqlx::{Connection, Row};
        sqlx::any::install_default_drivers();
        let mut c = sqlx::AnyConnection::connect(&format!("sqlite://{}", db_file.display())).await.unwrap();
        sqlx::query("SELECT COUNT(*) FROM clients").fetch_one(&mut c).await.unwrap().get::<i64, _>(0)
    })
}

/// Backups of a server under write load restore onto an empty data
/// directory, plain and encrypted: every write acknowledged before the backup
/// began is there, the audit log verifies up to the checkpoint taken with the
/// backup, and people sign in with their passwords. A data directory that
/// holds a database, a missing or wrong key, and a damaged backup are refused
/// and change nothing.
#[test]
fn backups_taken_under_write_load_restore_checked_plain_and_encrypted() {
    use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
    use std::sync::Arc;
    let db = Db::sqlite();
    create_user(&db, "writer@clinic.example", "clinician");
    let t = token(&db, "writer@clinic.example");
    let server = Server::start(&db);
    server.wait_ready();
    let stop = Arc::new(AtomicBool::new(false));
    let acknowledged = Arc::new(AtomicI64::new(0));
    let writer = {
        let (stop, acknowledged, base, t) = (stop.clone(), acknowledged.clone(), server.base.clone(), t.clone());
        std::thread::spawn(move || {
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) {
                n += 1;
                let body = serde_json::json!({"display_name": format!("Loaded Client {n}")});
                let (s, b) = reqwest::call(reqwest::Method::POST, &format!("{base}/api/v1/clients"), &t, Some(body));
                assert_eq!(s, 201, "{b}");
                acknowledged.fetch_add(1, Ordering::SeqCst);
            }
        })
    };
    while acknowledged.load(Ordering::SeqCst) < 30 {
        std::thread::sleep(Duration::from_millis(20));
    }
    let backups = tempfile::tempdir().unwrap();
    let keys = tempfile::tempdir().unwrap();
    let plain = backups.path().join("plain.db");
    let sealed = backups.path().join("sealed.rbk");
    let key = keys.path().join("backup.key");
    let before_plain = acknowledged.load(Ordering::SeqCst);
    let o = db.run(&["backup", "--to", plain.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before_sealed = acknowledged.load(Ordering::SeqCst);
    let o = db.run(&["backup", "--to", sealed.to_str().unwrap(), "--encryption-key-file", key.to_str().unwrap()]);
    assert!(o.status.success() && stdout(&o).contains("Created the backup encryption key"), "{}", stderr(&o));
    stop.store(true, Ordering::SeqCst);
    writer.join().unwrap();
    let total = acknowledged.load(Ordering::SeqCst);
    server.stop();
    assert!(total > before_sealed, "writes went on during the backups");
    let bytes = std::fs::read(&sealed).unwrap();
    assert!(bytes.starts_with(b"RPTBAK") && !bytes.windows(15).any(|w| w == b"Loaded Client 1"), "encrypted");

    // A key inside the data folder, or beside the backups, is refused.
    let inside = db.dir.path().join("data/backup.key");
    for bad in [inside.as_path(), &backups.path().join("backup.key")] {
        let o = db.run(
            &["backup", "--to", backups.path().join("x.rbk").to_str().unwrap(), "--encryption-key-file"]
                .into_iter()
                .chain([bad.to_str().unwrap()])
                .collect::<Vec<_>>(),
        );
        assert_eq!(o.status.code(), Some(1), "{bad:?}");
        assert!(stderr(&o).contains("--encryption-key-file"), "{}", stderr(&o));
        assert!(!backups.path().join("x.rbk").exists() && !bad.exists());
    }

    // Restores go onto empty data directories; the keys are copied in first,
    // as docs/operations.md says (they are never in the backup).
    let restored = |from: &Path, extra: &[&str]| -> (Db, Output) {
        let target = Db::sqlite();
        std::fs::create_dir_all(target.dir.path().join("data")).unwrap();
        for k in ["secrets.key", "audit-checkpoint.key"] {
            std::fs::copy(db.dir.path().join("data").join(k), target.dir.path().join("data").join(k)).unwrap();
        }
        let mut args = vec!["restore", "--from", from.to_str().unwrap()];
        args.extend_from_slice(extra);
        let o = target.run(&args);
        (target, o)
    };
    let (plain_db, o) = restored(&plain, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("reaches the signed audit checkpoint"), "{}", stdout(&o));
    let n = clients_in(&plain_db.dir.path().join("data/rapport.db"));
    assert!(n >= before_plain && n <= total, "{before_plain} <= {n} <= {total}");

    let (none, o) = restored(&sealed, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("is encrypted"), "{}", stderr(&o));
    assert!(!none.dir.path().join("data/rapport.db").exists());
    let wrong = keys.path().join("other.key");
    std::fs::write(&wrong, format!("{}\n", "ab".repeat(32))).unwrap();
    let (none, o) = restored(&sealed, &["--encryption-key-file", wrong.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("was encrypted with key") && stderr(&o).contains("Nothing was restored"),
        "{}",
        stderr(&o)
    );
    assert!(!none.dir.path().join("data/rapport.db").exists());
    let damaged = backups.path().join("damaged.rbk");
    let mut bent = bytes.clone();
    let middle = bent.len() / 2;
    bent[middle] ^= 0x40;
    std::fs::write(&damaged, &bent).unwrap();
    let (none, o) = restored(&damaged, &["--encryption-key-file", key.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("damaged"), "{}", stderr(&o));
    assert!(std::fs::read_dir(none.dir.path().join("data")).unwrap().all(|e| {
        let name = e.unwrap().file_name();
        name == "secrets.key" || name == "audit-checkpoint.key"
    }));

    let (sealed_db, o) = restored(&sealed, &["--encryption-key-file", key.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let n = clients_in(&sealed_db.dir.path().join("data/rapport.db"));
    assert!(n >= before_sealed && n <= total, "{before_sealed} <= {n} <= {total}");
    let o = sealed_db.run(&["audit", "verify"]);
    assert!(o.status.success(), "{}", stderr(&o));

    // Not onto a database: refused, and the database is untouched.
    let o = sealed_db.run(&["restore", "--from", plain.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("restore only onto an empty data directory"), "{}", stderr(&o));
    assert_eq!(clients_in(&sealed_db.dir.path().join("data/rapport.db")), n);

    // The restored server: a password sign-in, and the token from before.
    let server = Server::start(&sealed_db);
    server.wait_ready();
    assert_eq!(password_sign_in(&server.base, "writer@clinic.example", PW), 303);
    assert_eq!(
        password_sign_in(&server.base, "writer@clinic.example", "not the password"),
        401,
        "a wrong password is refused"
    );
    let (s, body) = reqwest::call(reqwest::Method::GET, &format!("{}/api/v1/clients?limit=500", server.base), &t, None);
    assert_eq!(s, 200, "{body}");
    server.stop();
}

/// PostgreSQL's backup path as docs/operations.md gives it: a signed
/// checkpoint, `pg_dump --format=custom`, `pg_restore` into a new database;
/// the restored database verifies up to the checkpoint and serves.
#[test]
fn postgres_dump_and_restore_as_documented() {
    let Some(db) = backends().into_iter().find(|d| d.url.is_some()) else { return };
    let bin = |name: &str| {
        let dir = std::env::var("PG_BIN").unwrap_or_else(|_| "/usr/lib/postgresql/15/bin".into());
        Path::new(&dir).join(name)
    };
    create_user(&db, "dumped@clinic.example", "clinician");
    let t = token(&db, "dumped@clinic.example");
    let server = Server::start(&db);
    server.wait_ready();
    for n in 0..5 {
        let body = serde_json::json!({"display_name": format!("Dumped Client {n}")});
        let (s, b) = reqwest::call(reqwest::Method::POST, &format!("{}/api/v1/clients", server.base), &t, Some(body));
        assert_eq!(s, 201, "{b}");
    }
    server.stop();
    let work = tempfile::tempdir().unwrap();
    let dump = work.path().join("rapport.dump");
    let side = work.path().join("rapport.dump.checkpoint.json");
    let o = db.run(&["audit", "checkpoint"]);
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::write(&side, stdout(&o)).unwrap();
    let url = db.url.clone().unwrap();
    let o = Command::new(bin("pg_dump")).args(["--format=custom", "--file"]).arg(&dump).arg(&url).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let base = std::env::var("RAPPORT_TEST_POSTGRES_URL").unwrap();
    let rt = reqwest::rt();
    let fresh = rt.block_on(rapport_store::scratch_postgres_database(&base)).unwrap();
    let o = Command::new(bin("pg_restore"))
        .args(["--clean", "--if-exists", "--no-owner", &format!("--dbname={fresh}")])
        .arg(&dump)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let restored = Db { dir: db.dir, url: Some(fresh) };
    let o = restored.run(&["audit", "verify", "--checkpoints", side.to_str().unwrap()]);
    assert!(o.status.success(), "{} {}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("all 1 signed checkpoints"), "{}", stdout(&o));
    assert_eq!(count_rows(&restored, "clients"), 5);
    let o = restored.run(&["--no-migrate", "user", "list"]);
    assert!(o.status.success() && stdout(&o).contains("dumped@clinic.example"), "{}", stderr(&o));
}
