//! Command-line interface. Every command takes `--data-dir` and
//! `--database-url` the same way (flags or `RAPPORT_*` environment variables).

use crate::demo;
use clap::{Args, Parser, Subcommand, ValueEnum};
use rapport_core::access::Role;
use rapport_core::audit::{action, AuditEvent, Outcome};
use rapport_core::password;
use rapport_core::protocol::ProtocolSet;
use rapport_core::validation::looks_like_email;
use rapport_core::Timestamp;
use rapport_store::users::{normalise_email, NewUser};
use rapport_store::{OpenOptions, Store, Target};
use rapport_web::identity::{new_secret, secret_hash};
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "rapport",
    version,
    about = "Rapport: a self-hostable platform for Interpersonal Psychotherapy (IPT)."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Clone)]
pub struct Global {
    /// Folder for the embedded SQLite database (created if missing).
    #[arg(long, global = true, env = "RAPPORT_DATA_DIR", default_value = "./rapport-data")]
    pub data_dir: PathBuf,
    /// Use PostgreSQL (postgres://USER:PASSWORD@HOST/DB) or an existing SQLite file (sqlite://PATH) instead.
    #[arg(long, global = true, env = "RAPPORT_DATABASE_URL")]
    pub database_url: Option<String>,
    /// Log format on stderr.
    #[arg(long, global = true, env = "RAPPORT_LOG_FORMAT", value_enum, default_value = "human")]
    pub log_format: LogFormat,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum LogFormat {
    Human,
    Json,
}

#[derive(Subcommand)]
pub enum Command {
    /// Run the web server (creates and migrates the database if needed).
    Serve(ServeArgs),
    /// Apply database migrations and exit.
    Migrate,
    /// Manage staff accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Fill an empty database with a synthetic demo organisation (no real people).
    Demo(DemoArgs),
    /// Audit log tools.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Copy the SQLite database to a file while Rapport runs.
    Backup(BackupArgs),
}

#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "RAPPORT_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: String,
    /// Public address behind a TLS reverse proxy, e.g. https://rapport.clinic.example (enables Secure cookies and HSTS).
    #[arg(long, env = "RAPPORT_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy in front of Rapport.
    #[arg(long, env = "RAPPORT_TRUST_PROXY", action = clap::ArgAction::SetTrue,
          value_parser = clap::builder::BoolishValueParser::new())]
    pub trust_proxy: bool,
    /// Maximum database connections.
    #[arg(long, env = "RAPPORT_DB_CONNECTIONS", default_value_t = 16)]
    pub db_connections: u32,
    /// Folder of site instrument definitions (*.json) that add to or replace the shipped ones (docs/measures.md).
    #[arg(long, env = "RAPPORT_INSTRUMENTS_DIR")]
    pub instruments_dir: Option<PathBuf>,
    /// Escalate risk flags to the supervisor when not acknowledged within this many hours.
    #[arg(long, env = "RAPPORT_RISK_ESCALATION_HOURS", default_value_t = 24, value_parser = clap::value_parser!(u64).range(1..=720))]
    pub risk_escalation_hours: u64,
    /// Site protocol file adding or adjusting IPT protocols (default: protocols.toml in the data directory, if present).
    #[arg(long, env = "RAPPORT_PROTOCOLS")]
    pub protocols: Option<PathBuf>,
    /// Mail server for notifications: smtp://host:port, smtp://user:pass@host:587?tls=required (STARTTLS) or smtps://user:pass@host (docs/email.md). Unset: nothing is e-mailed.
    #[arg(long, env = "RAPPORT_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// Sender address of notifications (default: rapport@<host of --public-url>).
    #[arg(long, env = "RAPPORT_SMTP_FROM")]
    pub smtp_from: Option<String>,
}

#[derive(Subcommand)]
pub enum UserCommand {
    /// Create a staff account; the password is read from standard input.
    Create(UserCreateArgs),
    /// List accounts.
    List,
    /// Set a new password (read from standard input); ends the user's sessions.
    SetPassword(EmailPasswordArgs),
    /// Deactivate an account, end its sessions and revoke its API tokens.
    Deactivate(EmailArgs),
}

#[derive(Args)]
pub struct UserCreateArgs {
    #[arg(long)]
    pub email: String,
    #[arg(long)]
    pub name: String,
    #[arg(long, value_parser = ["admin", "supervisor", "clinician"])]
    pub role: String,
    /// Read the password from standard input (required: passwords never go on the command line).
    #[arg(long, required = true)]
    pub password_stdin: bool,
    /// For admins: also hold a caseload.
    #[arg(long)]
    pub practises: bool,
}

#[derive(Args)]
pub struct EmailArgs {
    #[arg(long)]
    pub email: String,
}

#[derive(Args)]
pub struct EmailPasswordArgs {
    #[arg(long)]
    pub email: String,
    #[arg(long, required = true)]
    pub password_stdin: bool,
}

#[derive(Subcommand)]
pub enum TokenCommand {
    /// Create an API token for a user; the token is the last line of output.
    Create(TokenCreateArgs),
}

#[derive(Args)]
pub struct TokenCreateArgs {
    #[arg(long)]
    pub email: String,
    /// A name to recognise the token by, e.g. "reporting script".
    #[arg(long)]
    pub name: String,
}

#[derive(Args)]
pub struct DemoArgs {
    /// Number of clinicians.
    #[arg(long, default_value_t = 3)]
    pub clinicians: usize,
    /// Number of clients, spread over the clinicians.
    #[arg(long, default_value_t = 30)]
    pub clients: usize,
}

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Check the hash chain; exits non-zero and names the first bad entry.
    Verify,
}

#[derive(Args)]
pub struct BackupArgs {
    /// Destination file (must not exist).
    #[arg(long)]
    pub to: PathBuf,
}

pub fn init_logging(g: &Global) {
    use tracing_subscriber::EnvFilter;
    let filter =
        EnvFilter::try_from_env("RAPPORT_LOG").unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    match g.log_format {
        LogFormat::Human => builder.init(),
        LogFormat::Json => builder.json().flatten_event(true).init(),
    }
}

fn target(g: &Global) -> Target {
    match &g.database_url {
        Some(url) if !url.trim().is_empty() => Target::Url(url.trim().to_string()),
        _ => Target::DataDir(g.data_dir.clone()),
    }
}

async fn open(g: &Global, max_connections: u32) -> Result<Store, String> {
    let t = target(g);
    Store::open(&t, OpenOptions { max_connections, ..Default::default() }).await.map_err(|e| match &t {
        // URL errors already name the (redacted) URL.
        Target::Url(_) => e.to_string(),
        Target::DataDir(_) => format!("{e} ({})", t.describe()),
    })
}

fn cli_event(action: &str, resource_type: &str) -> AuditEvent {
    AuditEvent {
        actor_label: "system (rapport command line)".into(),
        action: action.into(),
        resource_type: resource_type.into(),
        outcome: Outcome::Success.as_str().into(),
        ..Default::default()
    }
}

async fn find_user(store: &Store, email: &str) -> Result<rapport_store::users::User, String> {
    let found = store.user_by_email(email).await.map_err(|e| e.to_string())?;
    found.map(|(user, _)| user).ok_or_else(|| format!("no account with email {email}"))
}

fn read_password_stdin() -> Result<String, String> {
    let mut s = String::new();
    std::io::stdin()
        .read_to_string(&mut s)
        .map_err(|e| format!("cannot read the password from standard input: {e}"))?;
    // One trailing newline (from echo or a file) is not part of the password.
    let s = s.strip_suffix('\n').map(|s| s.strip_suffix('\r').unwrap_or(s)).unwrap_or(&s).to_string();
    if s.is_empty() {
        return Err(
            "no password on standard input (e.g. `printf '%s' \"$PW\" | rapport user create ... --password-stdin`)"
                .into(),
        );
    }
    Ok(s)
}

pub async fn run(cli: Cli) -> Result<ExitCode, String> {
    let g = cli.global;
    match cli.command {
        Command::Serve(a) => serve(&g, a).await,
        Command::Migrate => {
            let store = open(&g, 2).await?;
            println!("Database is up to date ({}).", target(&g).describe());
            store.close().await;
            Ok(ExitCode::SUCCESS)
        }
        Command::User(UserCommand::Create(a)) => {
            let pw = read_password_stdin()?;
            let email = normalise_email(&a.email);
            if !looks_like_email(&email) {
                return Err(format!("--email {:?} is not an email address", a.email));
            }
            let name = a.name.trim().to_string();
            if name.is_empty() {
                return Err("--name must not be empty".into());
            }
            password::check(&pw, &email).map_err(|p| format!("password refused: {}", p.message()))?;
            let role: Role = a.role.parse()?;
            let store = open(&g, 2).await?;
            let mut e = cli_event(action::USER_CREATE, "user");
            e.detail = Some(format!("{email} as {role}"));
            let hash = rapport_web::passwords::hash_now(&pw);
            let user = store
                .create_user(
                    NewUser { email, name, role, practises: a.practises && role == Role::Admin, password_hash: hash },
                    e,
                )
                .await
                .map_err(|e| e.to_string())?;
            println!("Created {} account for {} <{}> (id {}).", role, user.name, user.email, user.id);
            store.close().await;
            Ok(ExitCode::SUCCESS)
        }
        Command::User(UserCommand::List) => {
            let store = open(&g, 2).await?;
            for u in store.users().await.map_err(|e| e.to_string())? {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    u.id,
                    u.email,
                    u.role,
                    if u.active { "active" } else { "deactivated" },
                    u.name
                );
            }
            store.close().await;
            Ok(ExitCode::SUCCESS)
        }
        Command::User(UserCommand::SetPassword(a)) => {
            let pw = read_password_stdin()?;
            let store = open(&g, 2).await?;
            let user = find_user(&store, &a.email).await?;
            password::check(&pw, &user.email).map_err(|p| format!("password refused: {}", p.message()))?;
            let mut e = cli_event(action::PASSWORD_CHANGE, "user");
            e.resource_id = Some(user.id.to_string());
            e.detail = Some("set by an operator on the command line; all the user's sessions ended".into());
            // A reset from the server's command line is an administrator's reset
            // too: the person and the administrators are told (docs/operations.md).
            use rapport_web::notices::{account_change, Change, ChangedBy};
            let staff = store.users().await.map_err(|e| e.to_string())?;
            let notices =
                account_change(&ChangedBy::Operator, &user, &Change::password(&user), &staff, Timestamp::now());
            store
                .set_password(&user.id, &rapport_web::passwords::hash_now(&pw), None, e, &notices)
                .await
                .map_err(|e| e.to_string())?;
            println!(
                "Password set for {}; their sessions were ended and they and the administrators were notified.",
                user.email
            );
            store.close().await;
            Ok(ExitCode::SUCCESS)
        }
        Command::User(UserCommand::Deactivate(a)) => {
            let store = open(&g, 2).await?;
            let user = find_user(&store, &a.email).await?;
            let mut e = cli_event(action::USER_DEACTIVATE, "user");
            e.resource_id = Some(user.id.to_string());
            store.set_user_active(&user.id, false, e).await.map_err(|e| e.to_string())?;
            println!("Deactivated {}; their sessions were ended and their API tokens revoked.", user.email);
            store.close().await;
            Ok(ExitCode::SUCCESS)
        }
        Command::Token(TokenCommand::Create(a)) => {
            let name = a.name.trim().to_string();
            if name.is_empty() || name.chars().count() > 80 {
                return Err("--name must be 1 to 80 characters".into());
            }
            let store = open(&g, 2).await?;
            let user = find_user(&store, &a.email).await?;
            if !user.active {
                return Err(format!("{} is deactivated", user.email));
            }
            if !Role::STAFF.contains(&user.role) {
                return Err(format!(
                    "{} is a client portal account; API tokens are for staff accounts only",
                    user.email
                ));
            }
            let token = format!("rpt_{}", new_secret());
            let mut e = cli_event(action::TOKEN_CREATE, "api_token");
            e.actor_id = Some(user.id.to_string());
            e.detail = Some(format!("name {name:?} for {}", user.email));
            store.create_token(&user.id, &name, &secret_hash(&token), e).await.map_err(|e| e.to_string())?;
            store.close().await;
            println!(
                "API token \"{name}\" for {} ({}). It is shown once; revoke it on the My account page.",
                user.email, user.role
            );
            println!("{token}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo(a) => {
            let store = open(&g, 4).await?;
            let r = demo::seed(&store, a.clinicians, a.clients).await;
            store.close().await;
            r.map(|_| ExitCode::SUCCESS)
        }
        Command::Audit(AuditCommand::Verify) => {
            let store = open(&g, 2).await?;
            let r = store.audit_verify().await;
            store.close().await;
            match r {
                Ok(n) => {
                    println!("Audit log intact: {n} entries verified.");
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => {
                    eprintln!("Audit log verification FAILED: {e}");
                    Ok(ExitCode::FAILURE)
                }
            }
        }
        Command::Backup(a) => {
            let store = open(&g, 2).await?;
            let r = store.backup_sqlite(&a.to).await.map_err(|e| e.to_string());
            store.close().await;
            r?;
            println!("Backed up to {}.", a.to.display());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// How long a first-run setup link stays valid.
const SETUP_LINK_HOURS: i64 = 24;

/// Shipped protocols, adjusted by the site's file: `--protocols FILE` (must
/// exist) or `protocols.toml` in the data directory (used when present).
fn load_protocols(g: &Global, explicit: Option<&std::path::Path>) -> Result<ProtocolSet, String> {
    let default = g.data_dir.join("protocols.toml");
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None if default.is_file() => default,
        None => return Ok(ProtocolSet::shipped()),
    };
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let set = ProtocolSet::with_site_file(&path.display().to_string(), &text)?;
    tracing::info!(file = %path.display(), protocols = set.all().len(), "site protocols loaded");
    Ok(set)
}

async fn serve(g: &Global, a: ServeArgs) -> Result<ExitCode, String> {
    if let Some(u) = &a.public_url {
        if !(u.starts_with("https://") || u.starts_with("http://")) {
            return Err(format!("--public-url {u:?} must start with https:// or http://"));
        }
    }
    if a.smtp_from.is_some() && a.smtp_url.is_none() {
        return Err("--smtp-from needs --smtp-url (the mail server to send through)".into());
    }
    let smtp = match &a.smtp_url {
        Some(url) => {
            Some(rapport_web::mail::SmtpSettings::parse(url, a.smtp_from.as_deref(), a.public_url.as_deref())?)
        }
        None => None,
    };
    let mailer = smtp.as_ref().map(rapport_web::mail::Mailer::new).transpose()?;
    // Site instrument definitions are checked before anything starts.
    let instruments = rapport_web::jobs::load_instruments(a.instruments_dir.as_deref())?;
    let protocols = load_protocols(g, a.protocols.as_deref())?;
    let listener =
        tokio::net::TcpListener::bind(&a.listen).await.map_err(|e| format!("cannot listen on {}: {e}", a.listen))?;
    let store = open(g, a.db_connections).await?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    let base =
        a.public_url.clone().map(|u| u.trim_end_matches('/').to_string()).unwrap_or_else(|| format!("http://{local}"));
    tracing::info!(database = %target(g).describe(), "database ready");
    println!("Rapport is listening on http://{local}");
    if a.public_url.is_some() {
        println!("Public address: {base}");
    }
    if store.count_users().await.map_err(|e| e.to_string())? == 0 {
        let token = new_secret();
        store
            .create_setup_token(&secret_hash(&token), Timestamp::now().plus(time_hours(SETUP_LINK_HOURS)))
            .await
            .map_err(|e| e.to_string())?;
        println!("First run: create the administrator account at {base}/setup/{token}");
        println!("(single use; valid for {SETUP_LINK_HOURS} hours; each start prints a fresh link)");
    }
    println!("Press Ctrl+C to stop.");
    let escalate_after = std::time::Duration::from_secs(a.risk_escalation_hours * 3600);
    let config = rapport_web::Config {
        public_url: a.public_url.clone(),
        trust_proxy: a.trust_proxy,
        protocols: std::sync::Arc::new(protocols),
        risk_escalation_after: escalate_after,
        smtp: smtp.clone(),
        ..Default::default()
    };
    let state = rapport_web::AppState::new(store.clone(), config).with_instruments(instruments);
    let housekeeping = tokio::spawn(housekeeping(state.clone()));
    let escalation =
        rapport_web::jobs::spawn_risk_escalation(store.clone(), escalate_after, std::time::Duration::from_secs(300));
    let delivery = match (mailer, &smtp) {
        (Some(m), Some(s)) => {
            println!("E-mail: notifications go through {}", s.describe());
            Some(rapport_web::jobs::spawn_outbox_delivery(store.clone(), m, std::time::Duration::from_secs(60)))
        }
        _ => {
            println!("E-mail: no --smtp-url, so notifications stay in the outbox (Administration > E-mail).");
            None
        }
    };
    rapport_web::serve(listener, state, shutdown_signal()).await.map_err(|e| e.to_string())?;
    if let Some(d) = delivery {
        d.abort();
    }
    escalation.abort();
    housekeeping.abort();
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}

fn time_hours(h: i64) -> time::Duration {
    time::Duration::hours(h)
}

/// Deletes sessions past their limits every ten minutes (expiry is also enforced on use).
async fn housekeeping(state: rapport_web::AppState) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(600));
    loop {
        tick.tick().await;
        if let Ok(org) = state.organisation().await {
            let p = org.session_policy();
            let now = Timestamp::now();
            match state.store.purge_sessions(now.minus(p.idle_timeout), now.minus(p.absolute_lifetime)).await {
                Ok(n) if n > 0 => tracing::info!(sessions = n, "expired sessions removed"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "session housekeeping failed"),
            }
            // Failure counters are forgotten after 15 minutes anyway; keep the table small.
            let forget = rapport_core::throttle::ThrottlePolicy::ADDRESS.forget_after;
            if let Err(e) = state.store.purge_login_state(now.minus(forget), now).await {
                tracing::warn!(error = %e, "login-state housekeeping failed");
            }
            if let Err(e) = state.store.purge_challenges(now.minus(time::Duration::minutes(10))).await {
                tracing::warn!(error = %e, "sign-in challenge housekeeping failed");
            }
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down: finishing requests in flight");
}
