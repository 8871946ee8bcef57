//! Command-line interface. Every command takes `--data-dir` and
//! `--database-url` the same way (flags or `RAPPORT_*` environment variables).

use crate::demo;
use clap::{Args, Parser, Subcommand, ValueEnum};
use rapport_app::caller::{new_secret, secret_hash};
use rapport_core::access::Role;
use rapport_core::audit::{action, AuditEvent, Outcome};
use rapport_core::checkpoint::{read_checkpoints, CheckpointKey};
use rapport_core::password;
use rapport_core::protocol::ProtocolSet;
use rapport_core::validation::looks_like_email;
use rapport_core::Timestamp;
use rapport_store::keyfile::{AUDIT_KEY_FILE, SECRETS_KEY_FILE};
use rapport_store::users::{normalise_email, NewUser};
use rapport_store::{OpenOptions, SecretsKey, Store, Target};
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

/// The language of the command's messages: `RAPPORT_LANGUAGE`, else the
/// primary tag of `LANG` (`es_MX.UTF-8` is Spanish), else English.
pub fn language() -> rapport_i18n::Tr {
    let from_env = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let wanted = from_env("RAPPORT_LANGUAGE")
        .or_else(|| from_env("LANG").map(|l| l.split(['.', '@']).next().unwrap_or_default().replace('_', "-")));
    let code = wanted.and_then(|w| rapport_core::language::matching(&w, &rapport_i18n::AVAILABLE));
    rapport_i18n::Tr::new(code.unwrap_or("en"))
}

/// A password the policy refuses, in the command's language.
fn password_refused(p: &password::PasswordProblem) -> String {
    let (id, args) = p.key();
    let tr = language();
    let problem = tr.field_message(&rapport_core::validation::FieldError::keyed("password", id, args));
    tr.ta("cli-password-refused", "problem", problem)
}

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
    /// Key file sealing two-step verification secrets at rest: one key (64 hex digits) a line, current first (default: secrets.key in the data directory, created when first needed).
    #[arg(long, global = true, env = "RAPPORT_SECRETS_KEY_FILE")]
    pub secrets_key_file: Option<PathBuf>,
    /// Key file signing audit checkpoints (default: audit-checkpoint.key in the data directory, created when first needed). Keep a copy apart from the database and its backups.
    #[arg(long, global = true, env = "RAPPORT_AUDIT_KEY_FILE")]
    pub audit_key_file: Option<PathBuf>,
    /// Never change the database's schema: refuse to start if it needs migrations (run `rapport migrate` first, as a role that may create tables).
    #[arg(long, global = true, env = "RAPPORT_NO_MIGRATE")]
    pub no_migrate: bool,
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
    Migrate(MigrateArgs),
    /// Manage staff accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Manage SMART Backend Services clients (machines that export FHIR data in bulk).
    #[command(subcommand)]
    FhirClient(FhirClientCommand),
    /// Manage sites (villages, schools, clinics) where groups run and clients belong.
    #[command(subcommand)]
    Site(SiteCommand),
    /// Fill an empty database with a synthetic demo organisation (no real people).
    Demo(DemoArgs),
    /// Audit log tools.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Copy the SQLite database to a file while Rapport runs (with a signed audit checkpoint next to it), optionally encrypted.
    Backup(BackupArgs),
    /// Restore a backup onto an empty data directory, after checking it opens and its audit log verifies.
    Restore(RestoreArgs),
    /// Keys for secrets stored in the database.
    #[command(subcommand)]
    Secrets(SecretsCommand),
    /// Programme outcome reports.
    #[command(subcommand)]
    Reports(ReportsCommand),
    /// Write the pseudonymised research data set (a ZIP of CSV files; docs/letters-and-research.md).
    ResearchExport(ResearchExportArgs),
}

#[derive(Args)]
pub struct MigrateArgs {
    /// List the migrations the database has and those it still needs, and change nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Args)]
pub struct ResearchExportArgs {
    /// What the data set is for (recorded in the audit log and the export's README).
    #[arg(long)]
    pub purpose: String,
    /// The approval it rests on: ethics committee reference, data-sharing agreement.
    #[arg(long)]
    pub approval: String,
    /// Destination file (must not exist).
    #[arg(long)]
    pub out: PathBuf,
    /// Counts of fewer people than this are hidden in the summary.
    #[arg(long, default_value_t = rapport_core::reports::DEFAULT_SMALL_NUMBERS as u64)]
    pub small_numbers: u64,
}

#[derive(Subcommand)]
pub enum ReportsCommand {
    /// Rebuild the programme-outcomes read model from the records (docs/reports.md), with a progress bar.
    Rebuild(RebuildArgs),
}

#[derive(Args)]
pub struct RebuildArgs {
    /// Clients per transaction.
    #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub batch: u64,
}

#[derive(Subcommand)]
pub enum SecretsCommand {
    /// Seal every two-step verification secret again with the current key (the key file's first line).
    Rotate(RotateArgs),
}

#[derive(Args)]
pub struct RotateArgs {
    /// First add a new random key at the top of the key file (older keys stay listed, to open what they sealed).
    #[arg(long)]
    pub new_key: bool,
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
    /// Deprecated: set the risk-flag deadlines on Administration > Settings. When given, replaces the acknowledgement deadline (hours, 1 to 72).
    #[arg(long, env = "RAPPORT_RISK_ESCALATION_HOURS", value_parser = clap::value_parser!(u64).range(1..=72))]
    pub risk_escalation_hours: Option<u64>,
    /// Programme reports show counts of fewer people than this as "< N" to programme managers and in exports (0 or 1: show every count).
    #[arg(long, env = "RAPPORT_REPORT_SMALL_NUMBERS", default_value_t = 5, value_parser = clap::value_parser!(u64).range(0..=100))]
    pub report_small_numbers: u64,
    /// The programme dashboard lists clinicians and facilitators in its filter up to this many; beyond it the filter is a search by name.
    #[arg(long, env = "RAPPORT_REPORT_CLINICIAN_LIST", default_value_t = 300, value_parser = clap::value_parser!(u64).range(0..=100_000))]
    pub report_clinician_list: u64,
    /// Lines of a breakdown on one page of the programme dashboard (the CSV and the API have every line).
    #[arg(long, env = "RAPPORT_REPORT_LINES_PER_PAGE", default_value_t = 100, value_parser = clap::value_parser!(u64).range(10..=5_000))]
    pub report_lines_per_page: u64,
    /// Site protocol file adding or adjusting IPT protocols (default: protocols.toml in the data directory, if present).
    #[arg(long, env = "RAPPORT_PROTOCOLS")]
    pub protocols: Option<PathBuf>,
    /// Mail server for notifications: smtp://host:port, smtp://user:pass@host:587?tls=required (STARTTLS) or smtps://user:pass@host (docs/email.md). Unset: nothing is e-mailed.
    #[arg(long, env = "RAPPORT_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// Sender address of notifications (default: rapport@<host of --public-url>).
    #[arg(long, env = "RAPPORT_SMTP_FROM")]
    pub smtp_from: Option<String>,
    /// Minutes between signed audit checkpoints (written when the log has grown, and at shutdown).
    #[arg(long, env = "RAPPORT_AUDIT_CHECKPOINT_MINUTES", default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..=1440))]
    pub audit_checkpoint_minutes: u64,
    /// Minutes a finished Bulk Data export's files are kept (in the data directory's `exports`) before deletion.
    #[arg(long, env = "RAPPORT_EXPORT_RETENTION_MINUTES", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=10080))]
    pub export_retention_minutes: u64,
    /// Requests worked on at once, more waiting their turn in order (the health probes never wait); 0: no limit. Caps memory under overload at a cost in throughput (docs/operations.md, "Memory").
    #[arg(long, env = "RAPPORT_REQUESTS_IN_FLIGHT", default_value_t = 0, value_parser = clap::value_parser!(u64).range(0..=10_000))]
    pub requests_in_flight: u64,
}

#[derive(Subcommand)]
pub enum FhirClientCommand {
    /// Register a SMART Backend Services client; prints its client id (the `iss` and `sub` of its assertions).
    Add(FhirClientAddArgs),
    /// List machine clients: id, status, name, scopes.
    List,
    /// Disable a machine client: its access tokens stop working at once.
    Disable(FhirClientDisableArgs),
}

#[derive(Args)]
pub struct FhirClientAddArgs {
    /// A name to recognise it by, e.g. "regional data warehouse".
    #[arg(long)]
    pub name: String,
    /// A file holding its public keys as a JWKS (RSA or EC P-384; `-` reads standard input).
    #[arg(long)]
    pub jwks: PathBuf,
    /// What it may read, space-separated: `system/*.read`, `system/Observation.read` ...
    #[arg(long, default_value = "system/*.read")]
    pub scopes: String,
}

#[derive(Args)]
pub struct FhirClientDisableArgs {
    #[arg(long)]
    pub id: String,
}

#[derive(Subcommand)]
pub enum UserCommand {
    /// Create a staff account; the password is read from standard input.
    Create(UserCreateArgs),
    /// List accounts.
    List,
    /// Set a new password (read from standard input); ends the user's sessions.
    SetPassword(EmailPasswordArgs),
    /// Deactivate an account, end its sessions and revoke its API tokens (refused while they are the responsible clinician of clients with open courses or risk flags, unless --reassign-to).
    Deactivate(DeactivateArgs),
}

#[derive(Args)]
pub struct UserCreateArgs {
    #[arg(long)]
    pub email: String,
    #[arg(long)]
    pub name: String,
    #[arg(long, value_parser = ["admin", "supervisor", "clinician", "facilitator", "programme_manager"])]
    pub role: String,
    /// Read the password from standard input (required: passwords never go on the command line).
    #[arg(long, required = true)]
    pub password_stdin: bool,
    /// For admins: also hold a caseload.
    #[arg(long)]
    pub practises: bool,
    /// The e-mail of the supervisor of the new account (a supervisor; cascades are allowed).
    #[arg(long)]
    pub supervisor: Option<String>,
    /// The name of the site the account works at (see `rapport site list`).
    #[arg(long)]
    pub site: Option<String>,
}

#[derive(Subcommand)]
pub enum SiteCommand {
    /// Create a site (a village, school or clinic); names are unique, whatever their case.
    Create(SiteCreateArgs),
    /// List sites: id, name and kind.
    List,
}

#[derive(Args)]
pub struct SiteCreateArgs {
    /// The site's name, e.g. "Kasese North" (1 to 120 characters).
    pub name: String,
    /// What kind of site it is, e.g. village, school or clinic (free text, at most 60 characters).
    #[arg(long)]
    pub kind: Option<String>,
}

#[derive(Args)]
pub struct EmailArgs {
    #[arg(long)]
    pub email: String,
}

#[derive(Args)]
pub struct DeactivateArgs {
    #[arg(long)]
    pub email: String,
    /// First hand every client they are responsible for (open course or open risk flag) to this active clinician.
    #[arg(long, value_name = "EMAIL")]
    pub reassign_to: Option<String>,
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
    /// Where you will run `serve` (only used for the addresses printed).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: String,
    /// The demo's language: en, es or fr (the organisation's default, every account's and client's language,
    /// and the demo's own names and texts).
    #[arg(long, default_value = "en")]
    pub language: String,
}

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Check the hash chain; exits non-zero and names the first bad entry.
    Verify(VerifyArgs),
    /// Print a signed checkpoint of the chain's head (and append it to the data directory's checkpoints file).
    Checkpoint,
}

#[derive(Args)]
pub struct VerifyArgs {
    /// Also check the chain against signed checkpoints: the checkpoints file (audit-checkpoints.jsonl in the data directory), a backup's .checkpoint.json, or lines collected from the logs.
    #[arg(long)]
    pub checkpoints: Option<PathBuf>,
}

#[derive(Args)]
pub struct BackupArgs {
    /// Destination file (must not exist).
    #[arg(long)]
    pub to: PathBuf,
    /// Encrypt the backup with the key in this file (64 hexadecimal digits; created if missing). Keep it outside the data folder and away from the backups.
    #[arg(long, env = "RAPPORT_BACKUP_KEY_FILE")]
    pub encryption_key_file: Option<PathBuf>,
}

#[derive(Args)]
pub struct RestoreArgs {
    /// The backup to restore (a `rapport backup` file, encrypted or not).
    #[arg(long)]
    pub from: PathBuf,
    /// The key file the backup was encrypted with.
    #[arg(long, env = "RAPPORT_BACKUP_KEY_FILE")]
    pub encryption_key_file: Option<PathBuf>,
}

/// The exact command that serves the database `g` names on `listen`: this
/// program as it was called, the same data directory (absolute) or database
/// (its password left out), then `serve --listen`.
fn serve_command(g: &Global, listen: &str) -> String {
    let quote = |s: &str| {
        if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "/._-:@=+,".contains(c)) {
            s.to_string()
        } else {
            format!("'{}'", s.replace('\'', r"'\''"))
        }
    };
    let program = std::env::args().next().unwrap_or_else(|| "rapport".into());
    let mut cmd = vec![quote(&program)];
    match &g.database_url {
        Some(url) if !url.trim().is_empty() => {
            cmd.push("--database-url".into());
            cmd.push(quote(&redact_password(url.trim())));
        }
        _ => {
            let dir = std::path::absolute(&g.data_dir).unwrap_or_else(|_| g.data_dir.clone());
            cmd.push("--data-dir".into());
            cmd.push(quote(&dir.display().to_string()));
        }
    }
    cmd.extend(["serve".into(), "--listen".into(), quote(listen)]);
    cmd.join(" ")
}

/// `postgres://user:secret@host/db` → `postgres://user:PASSWORD@host/db`.
fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_string() };
    let Some((creds, host)) = rest.split_once('@') else { return url.to_string() };
    match creds.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:PASSWORD@{host}"),
        None => url.to_string(),
    }
}

pub fn init_logging(g: &Global) {
    use tracing_subscriber::EnvFilter;
    let filter =
        EnvFilter::try_from_env("RAPPORT_LOG").unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    // Colours only on a terminal (and never with NO_COLOR): a log file or a
    // pipe gets plain text.
    use std::io::IsTerminal;
    let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(colour);
    match g.log_format {
        LogFormat::Human => builder.init(),
        LogFormat::Json => builder.json().flatten_event(true).init(),
    }
}

pub(crate) fn target(g: &Global) -> Target {
    match &g.database_url {
        Some(url) if !url.trim().is_empty() => Target::Url(url.trim().to_string()),
        _ => Target::DataDir(g.data_dir.clone()),
    }
}

/// When a command may create a missing key file at its default place in the data directory.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyUse {
    /// The command needs the key (serve, migrate, rotate, backups of the data directory).
    Create,
    /// Use the key if it is there.
    IfPresent,
}

/// A key file's path: the flag (which must then exist), or the default in the data directory.
fn key_path(g: &Global, flag: &Option<PathBuf>, default_name: &str) -> (PathBuf, bool) {
    match flag {
        Some(p) => (p.clone(), true),
        None => (g.data_dir.join(default_name), false),
    }
}

fn secrets_key(g: &Global, using: KeyUse) -> SecretsKey {
    let (path, explicit) = key_path(g, &g.secrets_key_file, SECRETS_KEY_FILE);
    match (explicit, using) {
        (true, _) => SecretsKey::File { path, create: false },
        (false, KeyUse::Create) => SecretsKey::File { path, create: true },
        // A data-dir store finds (or creates) its own; a URL store goes without.
        (false, KeyUse::IfPresent) if path.is_file() => SecretsKey::File { path, create: false },
        (false, KeyUse::IfPresent) => SecretsKey::Default,
    }
}

/// The audit checkpoint key, or `None` when it is optional here and absent.
pub(crate) fn audit_key(g: &Global, using: KeyUse) -> Result<Option<CheckpointKey>, String> {
    let (path, explicit) = key_path(g, &g.audit_key_file, AUDIT_KEY_FILE);
    if !explicit && using == KeyUse::IfPresent && !path.is_file() {
        return Ok(None);
    }
    let create = !explicit && using == KeyUse::Create;
    let (text, _) = rapport_store::keyfile::read_or_create(&path, create, "audit checkpoint key file")
        .map_err(|e| format!("{e} (--audit-key-file / RAPPORT_AUDIT_KEY_FILE)"))?;
    CheckpointKey::parse(&text).map(Some).map_err(|e| format!("audit checkpoint key file {}: {e}", path.display()))
}

fn checkpoints_file(g: &Global) -> PathBuf {
    g.data_dir.join(rapport_app::jobs::CHECKPOINTS_FILE)
}

pub(crate) async fn open(g: &Global, max_connections: u32) -> Result<Store, String> {
    open_with(g, max_connections, KeyUse::IfPresent).await
}

async fn open_with(g: &Global, max_connections: u32, using: KeyUse) -> Result<Store, String> {
    let t = target(g);
    let opts =
        OpenOptions { max_connections, secrets: secrets_key(g, using), migrate: !g.no_migrate, ..Default::default() };
    Store::open(&t, opts).await.map_err(|e| match &t {
        // URL errors already name the (redacted) URL.
        Target::Url(_) => e.to_string(),
        Target::DataDir(_) => format!("{e} ({})", t.describe()),
    })
}

/// `rapport migrate --dry-run`: what the database has and needs; exit 0
/// when it is up to date, 1 when migrations are pending or it is newer.
async fn migration_dry_run(g: &Global) -> Result<ExitCode, String> {
    let t = target(g);
    let (_, status) =
        Store::migration_status(&t, OpenOptions::default()).await.map_err(|e| format!("{e} ({})", t.describe()))?;
    let tr = language();
    println!(
        "{}",
        tr.tn(
            rapport_core::msg("cli-migrate-status"),
            &[
                ("target", &t.describe()),
                ("applied", &(status.applied.len() as i64)),
                ("pending", &(status.pending.len() as i64)),
            ]
        )
    );
    for m in &status.pending {
        println!("  {}", tr.ta("cli-migrate-pending", "name", m.clone()));
    }
    for m in &status.unknown {
        println!("  {}", tr.ta("cli-migrate-unknown", "name", m.clone()));
    }
    Ok(if status.pending.is_empty() && status.unknown.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
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

/// A use case's refusal as one line for the terminal, naming the field.
fn app_error(what: &str, e: rapport_app::Error) -> String {
    use rapport_app::Error as E;
    match e {
        E::Invalid(v) => {
            let parts: Vec<String> = v.0.iter().map(|f| format!("{}: {}", f.field, f.message)).collect();
            format!("{what}: {}", parts.join("; "))
        }
        E::BadRequest { message, .. } | E::Conflict(message) | E::Forbidden(message) => format!("{what}: {message}"),
        other => format!("{what}: {other:?}"),
    }
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
        Command::Migrate(a) if a.dry_run => migration_dry_run(&g).await,
        Command::Migrate(_) if g.no_migrate => Err(language().t("cli-migrate-no-migrate")),
        Command::Migrate(_) => {
            // Also the upgrade step that seals plain two-step verification secrets.
            let store = open_with(&g, 2, KeyUse::Create).await?;
            println!("{}", language().ta("cli-database-up-to-date", "target", target(&g).describe()));
            store.close().await;
            Ok(ExitCode::SUCCESS)
        }
        Command::User(UserCommand::Create(a)) => {
            let pw = read_password_stdin()?;
            let email = normalise_email(&a.email);
            if !looks_like_email(&email) {
                return Err(language().ta("cli-not-an-email", "email", format!("{:?}", a.email)));
            }
            let name = a.name.trim().to_string();
            if name.is_empty() {
                return Err(language().t("cli-name-empty"));
            }
            password::check(&pw, &email).map_err(|p| password_refused(&p))?;
            let role: Role = a.role.parse()?;
            // A programme manager sees no client, so there is no clinical work to supervise.
            if role == Role::ProgrammeManager && a.supervisor.is_some() {
                return Err(language().t("cli-programme-manager-supervised"));
            }
            let store = open(&g, 2).await?;
            let supervisor = match a.supervisor.as_deref() {
                None => None,
                Some(s) => match store.user_by_email(s).await.map_err(|e| e.to_string())? {
                    Some((u, _)) if u.role == Role::Supervisor && u.active => Some(u),
                    Some(_) => return Err(language().ta("cli-not-a-supervisor", "email", format!("{s:?}"))),
                    None => return Err(language().ta("cli-no-such-supervisor", "email", format!("{s:?}"))),
                },
            };
            let site = match a.site.as_deref() {
                None => None,
                Some(name) => {
                    let sites = store.sites().await.map_err(|e| e.to_string())?;
                    match sites.iter().find(|s| s.name.eq_ignore_ascii_case(name.trim())) {
                        Some(s) => Some(s.id.clone()),
                        None => {
                            let names: Vec<&str> = sites.iter().map(|s| s.name.as_str()).collect();
                            return Err(format!(
                                "--site {name:?} is not a site; sites: {}",
                                if names.is_empty() {
                                    "none yet (rapport site create NAME)".into()
                                } else {
                                    names.join(", ")
                                }
                            ));
                        }
                    }
                }
            };
            let mut e = cli_event(action::USER_CREATE, "user");
            e.detail = Some(format!("{email} as {role}"));
            let hash = rapport_app::passwords::hash_now(&pw);
            let practises = a.practises && role == Role::Admin;
            let user = store
                .create_user(NewUser { email, name, role, practises, password_hash: hash, site_id: site }, e)
                .await
                .map_err(|e| e.to_string())?;
            if let Some(sup) = supervisor {
                let mut e = cli_event(action::SUPERVISION_ADD, "user");
                e.resource_id = Some(user.id.to_string());
                e.detail = Some(format!("{} supervises {}", sup.email, user.email));
                store.add_supervision(&sup.id, &user.id, e).await.map_err(|e| e.to_string())?;
            }
            println!(
                "{}",
                language().tn(
                    rapport_i18n::msg("cli-user-created"),
                    &[
                        ("role", &role.as_str()),
                        ("name", &user.name),
                        ("email", &user.email),
                        ("id", &user.id.to_string())
                    ]
                )
            );
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
            password::check(&pw, &user.email).map_err(|p| password_refused(&p))?;
            let mut e = cli_event(action::PASSWORD_CHANGE, "user");
            e.resource_id = Some(user.id.to_string());
            e.detail = Some("set by an operator on the command line; all the user's sessions ended".into());
            // A reset from the server's command line is an administrator's reset
            // too: the person and the administrators are told (docs/operations.md).
            use rapport_app::notices::{account_change, Change, ChangedBy};
            let staff = store.users().await.map_err(|e| e.to_string())?;
            let language = store.organisation().await.map_err(|e| e.to_string())?.default_language;
            let notices = account_change(
                &ChangedBy::Operator,
                &user,
                &Change::password(&user),
                &staff,
                Timestamp::now(),
                &language,
            );
            store
                .set_password(&user.id, &rapport_app::passwords::hash_now(&pw), None, e, &notices)
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
            let clients = store.open_responsibilities(&user.id).await.map_err(|e| e.to_string())?;
            if !clients.is_empty() {
                let Some(to_email) = &a.reassign_to else {
                    let lines: Vec<String> = clients
                        .iter()
                        .map(|r| format!("  {} ({}): {}", r.client_name, r.client_id, r.describe()))
                        .collect();
                    return Err(format!(
                        "{} was not deactivated: they are the responsible clinician of {} client(s) with open work:\n{}\n\
                         Hand them over first: rapport user deactivate --email {} --reassign-to OTHER@EMAIL \
                         (or on Administration > Users)",
                        user.email,
                        clients.len(),
                        lines.join("\n"),
                        user.email
                    ));
                };
                let to = find_user(&store, to_email).await?;
                let moves: Vec<_> = clients.iter().map(|r| (r.client_id.clone(), to.id.clone())).collect();
                let mut e = cli_event(action::CARE_TEAM_REASSIGN, "client");
                e.detail = Some(format!("from {} on the command line", user.email));
                store.reassign_responsible(&user.id, &moves, e).await.map_err(|e| format!("not handed over: {e}"))?;
                let tr = language();
                for r in &clients {
                    println!(
                        "{}",
                        tr.tn(
                            rapport_i18n::msg("cli-now-responsible"),
                            &[("to", &to.email.as_str()), ("client", &r.client_name.as_str()), ("what", &r.describe())]
                        )
                    );
                }
            }
            let mut e = cli_event(action::USER_DEACTIVATE, "user");
            e.resource_id = Some(user.id.to_string());
            store.set_user_active(&user.id, false, e).await.map_err(|e| e.to_string())?;
            println!("{}", language().ta("cli-deactivated", "email", user.email.as_str()));
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
        Command::FhirClient(c) => fhir_client(&g, c).await,
        Command::Site(SiteCommand::Create(a)) => {
            let store = open(&g, 2).await?;
            let state = rapport_app::AppState::new(store.clone(), rapport_app::Config::default());
            let created = rapport_app::groups::create_site_as(
                &state,
                &a.name,
                a.kind.as_deref(),
                cli_event(action::SITE_CREATE, "site"),
            )
            .await;
            store.close().await;
            let site = created.map_err(|e| app_error("site not created", e))?;
            let tr = language();
            let kind = site.kind.clone().unwrap_or_else(|| "none".into());
            println!(
                "{}",
                tr.tn(
                    rapport_i18n::msg("cli-site-created"),
                    &[("name", &site.name.as_str()), ("kind", &kind.as_str()), ("id", &site.id.to_string())]
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Site(SiteCommand::List) => {
            let store = open(&g, 2).await?;
            let sites = store.sites().await.map_err(|e| e.to_string());
            store.close().await;
            let sites = sites?;
            if sites.is_empty() {
                eprintln!("{}", language().t("cli-no-sites"));
            }
            for s in sites {
                println!("{}\t{}\t{}", s.id, s.name, s.kind.as_deref().unwrap_or(""));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo(a) => {
            // Checked before the database is opened: an unknown language seeds nothing.
            let Some(texts) = demo::texts(&a.language) else {
                eprintln!(
                    "error: unknown demo language {:?}; choose one of: {}",
                    a.language,
                    demo::LANGUAGES.join(", ")
                );
                return Ok(ExitCode::from(2));
            };
            let store = open(&g, 4).await?;
            let serve = serve_command(&g, &a.listen);
            let base = format!("http://{}", a.listen);
            let r =
                demo::seed(&store, a.clinicians, a.clients, texts, &demo::Printed { base: &base, serve: &serve }).await;
            // The demo back-dates its history; the read model is rebuilt from it.
            let r = match r {
                Ok(_) => store.rebuild_outcomes(500, |_, _| {}).await.map(|_| ()).map_err(|e| e.to_string()),
                Err(e) => Err(e),
            };
            store.close().await;
            r.map(|_| ExitCode::SUCCESS)
        }
        Command::Audit(AuditCommand::Verify(v)) => audit_verify(&g, v).await,
        Command::Audit(AuditCommand::Checkpoint) => {
            let key = audit_key(&g, KeyUse::Create)?.expect("created when missing");
            let store = open(&g, 2).await?;
            let c = store.audit_checkpoint(&key).await.map_err(|e| e.to_string());
            store.close().await;
            let c = c?;
            let file = checkpoints_file(&g);
            rapport_app::jobs::append_checkpoint(&file, &c)
                .map_err(|e| format!("cannot append to {}: {e}", file.display()))?;
            println!("{}", c.to_json());
            Ok(ExitCode::SUCCESS)
        }
        Command::Backup(a) => crate::backup::backup(&g, a).await,
        Command::Restore(a) => crate::backup::restore(&g, a).await,
        Command::Secrets(SecretsCommand::Rotate(a)) => rotate_secrets(&g, a).await,
        Command::ResearchExport(a) => research_export(&g, a).await,
        Command::Reports(ReportsCommand::Rebuild(a)) => {
            let store = open(&g, 2).await?;
            let r = rebuild_reports(&store, a.batch as usize, true).await;
            store.close().await;
            r.map(|_| ExitCode::SUCCESS)
        }
    }
}

/// Writes the research export to a new file as it is read (a chunk at a time).
async fn research_export(g: &Global, a: ResearchExportArgs) -> Result<ExitCode, String> {
    use std::io::Write;
    let request = rapport_app::research::ExportRequest { purpose: a.purpose, approval: a.approval };
    // The pseudonym key is sealed with the secrets key: a data directory makes one if needed.
    let using = if matches!(target(g), Target::DataDir(_)) { KeyUse::Create } else { KeyUse::IfPresent };
    let store = open_with(g, 2, using).await?;
    let ticket = match rapport_app::research::authorise_operator(&store, &request, a.small_numbers as i64).await {
        Ok(t) => t,
        Err(e) => {
            store.close().await;
            return Err(app_error("research export", e));
        }
    };
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&a.out)
        .map_err(|e| format!("cannot create {}: {e}", a.out.display()))?;
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Vec<u8>>(4);
    let writer = tokio::spawn({
        let store = store.clone();
        async move { rapport_app::research::write(&store, &ticket, &tx).await }
    });
    let mut failed = None;
    while let Some(chunk) = rx.recv().await {
        if let Err(e) = file.write_all(&chunk) {
            failed = Some(format!("cannot write {}: {e}", a.out.display()));
            break;
        }
    }
    drop(rx);
    let written = writer.await.map_err(|e| e.to_string())?;
    store.close().await;
    if let Some(e) = failed {
        return Err(e);
    }
    let c = written.map_err(|e| app_error("research export", e))?;
    file.sync_all().map_err(|e| format!("cannot write {}: {e}", a.out.display()))?;
    println!(
        "{}: {} people, {} courses, {} sessions, {} scores, {} risk flags, {} groups, {} group members, {} goals, \
         {} safety plan versions",
        a.out.display(),
        c.people,
        c.courses,
        c.sessions,
        c.responses,
        c.risk_flags,
        c.groups,
        c.group_members,
        c.goals,
        c.safety_plans
    );
    Ok(ExitCode::SUCCESS)
}

/// Rebuilds the programme-outcomes read model, drawing a progress bar on
/// standard error when `bar` (and it is a terminal or asked for).
async fn rebuild_reports(store: &Store, batch: usize, bar: bool) -> Result<(), String> {
    use std::io::Write;
    let tr = language();
    let started = std::time::Instant::now();
    eprintln!("{}", tr.t("cli-reports-rebuilding"));
    let mut last = 0u64;
    let mut clients = 0u64;
    let rows = store
        .rebuild_outcomes(batch, |done, total| {
            clients = total;
            let percent = (done * 100).checked_div(total).unwrap_or(100);
            if bar && (percent != last || done == total) {
                last = percent;
                let filled = (percent / 4) as usize;
                eprint!("\r[{}{}] {percent:>3} % {done}/{total}", "#".repeat(filled), "-".repeat(25 - filled));
                let _ = std::io::stderr().flush();
            }
        })
        .await
        .map_err(|e| e.to_string())?;
    // The caseload page's cards too (kept by every write; this repairs them).
    store.rebuild_caseload_cards().await.map_err(|e| e.to_string())?;
    if bar && clients > 0 {
        eprintln!();
    }
    let seconds = format!("{:.1}", started.elapsed().as_secs_f64());
    let counts: [(&str, &dyn rapport_i18n::Arg); 3] =
        [("rows", &(rows as i64)), ("clients", &(clients as i64)), ("seconds", &seconds)];
    println!("{}", tr.tn("cli-reports-rebuilt", &counts));
    Ok(())
}

async fn audit_verify(g: &Global, v: VerifyArgs) -> Result<ExitCode, String> {
    let anchors = match &v.checkpoints {
        Some(file) => {
            let key = audit_key(g, KeyUse::IfPresent)?.ok_or_else(|| {
                format!(
                    "no audit checkpoint key: {} does not exist (give --audit-key-file)",
                    g.data_dir.join(AUDIT_KEY_FILE).display()
                )
            })?;
            let text = std::fs::read_to_string(file)
                .map_err(|e| format!("cannot read the checkpoints file {}: {e}", file.display()))?;
            read_checkpoints(&text, &key).map_err(|e| format!("checkpoints file {}: {e}", file.display()))?
        }
        None => Vec::new(),
    };
    let count = anchors.len();
    let newest = anchors.iter().map(|a| a.checkpoint.seq).max();
    let store = open(g, 2).await?;
    let r = store.audit_verify_anchored(anchors).await;
    store.close().await;
    match r {
        Ok(n) => {
            let tr = language();
            println!("{}", tr.ta("cli-audit-intact", "count", n as i64));
            match newest {
                Some(seq) => println!(
                    "{}",
                    tr.tn(rapport_i18n::msg("cli-audit-checkpoints"), &[("count", &(count as i64)), ("seq", &seq)])
                ),
                None => {
                    println!("{}", tr.ta("cli-audit-no-checkpoints", "file", checkpoints_file(g).display().to_string()))
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("{}", language().ta("cli-audit-failed", "error", e.to_string()));
            Ok(ExitCode::FAILURE)
        }
    }
}

async fn rotate_secrets(g: &Global, a: RotateArgs) -> Result<ExitCode, String> {
    let (path, explicit) = key_path(g, &g.secrets_key_file, SECRETS_KEY_FILE);
    if a.new_key {
        let (old, _) =
            rapport_store::keyfile::read_or_create(&path, !explicit, "secrets key file").map_err(|e| e.to_string())?;
        rapport_core::secrets::Keyring::parse(&old).map_err(|e| format!("secrets key file {}: {e}", path.display()))?;
        let text = format!(
            "{}\n# earlier keys: keep them until `rapport secrets rotate` has run on every database using this file\n{}",
            rapport_store::keyfile::new_key_hex(),
            old
        );
        rapport_store::keyfile::replace(&path, &text)
            .map_err(|e| format!("cannot write the secrets key file {}: {e}", path.display()))?;
        println!("{}", language().ta("cli-key-added", "file", path.display().to_string()));
    }
    let store = open_with(g, 2, KeyUse::Create).await?;
    let r = store.rotate_secrets().await;
    store.close().await;
    let done = r.map_err(|e| e.to_string())?;
    println!(
        "Sealed {} secret(s) with the current key; {} already were. Restart running servers so they load the key file again.",
        done.resealed, done.current
    );
    Ok(ExitCode::SUCCESS)
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

/// Shipped fidelity checklists and certification pathways, adjusted by
/// `fidelity.toml` in the data directory when present.
fn load_fidelity(g: &Global) -> Result<rapport_core::fidelity::ChecklistSet, String> {
    let path = g.data_dir.join("fidelity.toml");
    if !path.is_file() {
        return Ok(rapport_core::fidelity::ChecklistSet::shipped());
    }
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let set = rapport_core::fidelity::ChecklistSet::with_site_file(&path.display().to_string(), &text)?;
    tracing::info!(file = %path.display(), checklists = set.all().len(), "site fidelity checklists loaded");
    Ok(set)
}

/// Shipped cultural adaptations plus the site's folders under
/// `adaptations/` in the data directory (docs/i18n.md); a bad file stops the start.
fn load_adaptations(g: &Global) -> Result<rapport_app::adaptations::Adaptations, String> {
    let dir = g.data_dir.join("adaptations");
    if !dir.is_dir() {
        return Ok(rapport_app::adaptations::Adaptations::shipped());
    }
    let set = rapport_app::adaptations::Adaptations::with_site_folder(&dir)?;
    tracing::info!(folder = %dir.display(), adaptations = set.all().len(), "adaptations loaded");
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
            Some(rapport_app::mail::SmtpSettings::parse(url, a.smtp_from.as_deref(), a.public_url.as_deref())?)
        }
        None => None,
    };
    let mailer = smtp.as_ref().map(rapport_app::mail::Mailer::new).transpose()?;
    // Site instrument definitions are checked before anything starts.
    let instruments = rapport_app::jobs::load_instruments(a.instruments_dir.as_deref())?;
    let protocols = load_protocols(g, a.protocols.as_deref())?;
    let missing = rapport_core::protocol::missing_group_instruments(&protocols, |id| instruments.get(id).is_some());
    if !missing.is_empty() {
        return Err(format!("the protocols name instruments this site does not have:\n  {}", missing.join("\n  ")));
    }
    let listener =
        tokio::net::TcpListener::bind(&a.listen).await.map_err(|e| format!("cannot listen on {}: {e}", a.listen))?;
    let store = open_with(g, a.db_connections, KeyUse::Create).await?;
    let audit_key = audit_key(g, KeyUse::Create)?.expect("created when missing");
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    let base =
        a.public_url.clone().map(|u| u.trim_end_matches('/').to_string()).unwrap_or_else(|| format!("http://{local}"));
    tracing::info!(database = %target(g).describe(), "database ready");
    let tr = language();
    println!("{}", tr.ta("cli-listening", "address", format!("http://{local}")));
    if a.public_url.is_some() {
        println!("{}", tr.ta("cli-public-address", "address", base.as_str()));
    }
    if store.count_users().await.map_err(|e| e.to_string())? == 0 {
        let token = new_secret();
        store
            .create_setup_token(&secret_hash(&token), Timestamp::now().plus(time_hours(SETUP_LINK_HOURS)))
            .await
            .map_err(|e| e.to_string())?;
        println!("{}", tr.ta("cli-first-run", "link", format!("{base}/setup/{token}")));
        println!("{}", tr.ta("cli-first-run-link", "hours", SETUP_LINK_HOURS));
    }
    println!("{}", tr.t("cli-press-ctrl-c"));
    let ack_override = a.risk_escalation_hours.map(|h| h as i64);
    if let Some(h) = ack_override {
        tracing::warn!(
            hours = h,
            "--risk-escalation-hours is deprecated: it replaces the acknowledgement deadline set on \
             Administration > Settings; remove it and set the deadlines there"
        );
        println!("{}", tr.ta("cli-escalation-hours-deprecated", "hours", h));
    }
    let config = rapport_app::Config {
        public_url: a.public_url.clone(),
        trust_proxy: a.trust_proxy,
        protocols: std::sync::Arc::new(protocols),
        fidelity: std::sync::Arc::new(load_fidelity(g)?),
        adaptations: std::sync::Arc::new(load_adaptations(g)?),
        risk_acknowledgement_override_hours: ack_override,
        smtp: smtp.clone(),
        audit_checkpoint_key: Some(audit_key.clone()),
        report_small_numbers: a.report_small_numbers as i64,
        report_clinician_list: a.report_clinician_list as usize,
        report_lines_per_page: a.report_lines_per_page as usize,
        export_dir: g.data_dir.join("exports"),
        export_retention: std::time::Duration::from_secs(a.export_retention_minutes * 60),
        requests_in_flight: a.requests_in_flight as usize,
        ..Default::default()
    };
    // A database upgraded from before the programme reports holds records but
    // no read-model rows yet: build them once, before serving.
    if !store.outcomes_built().await.map_err(|e| e.to_string())? {
        rebuild_reports(&store, 500, false).await?;
    }
    // Most of SQLite's WAL copying on a thread of its own, not inside the commit
    // a batch of requests waits for (decision 64).
    store.checkpoint_in_background(std::time::Duration::from_millis(250)).map_err(|e| e.to_string())?;
    let state = rapport_app::AppState::new(store.clone(), config).with_instruments(instruments);
    // Signed checkpoints of the audit head outside the database (docs/operations.md).
    let checkpoints = rapport_app::jobs::AuditCheckpoints::new(store.clone(), audit_key, checkpoints_file(g));
    let checkpointing = checkpoints.spawn(std::time::Duration::from_secs(a.audit_checkpoint_minutes * 60));
    let housekeeping = tokio::spawn(housekeeping(state.clone()));
    let exports = rapport_app::bulk::spawn_export_cleanup(state.clone(), std::time::Duration::from_secs(60));
    let escalation =
        rapport_app::jobs::spawn_risk_escalation(store.clone(), ack_override, std::time::Duration::from_secs(60));
    let outcomes = rapport_app::jobs::spawn_outcomes_catch_up(store.clone(), std::time::Duration::from_secs(2));
    // Session reminders to clients go into the outbox (sent when e-mail is configured).
    let reminders = rapport_app::jobs::spawn_session_reminders(state.clone(), std::time::Duration::from_secs(300));
    // Needs left stale by an upgrade, a new configuration or `rapport demo`.
    let caseload_needs = rapport_app::jobs::spawn_caseload_needs(state.clone());
    let delivery = match (mailer, &smtp) {
        (Some(m), Some(s)) => {
            println!("{}", tr.ta("cli-email-through", "server", s.describe()));
            Some(rapport_app::jobs::spawn_outbox_delivery(store.clone(), m, std::time::Duration::from_secs(60)))
        }
        _ => {
            println!("{}", tr.ta("cli-email-outbox", "link", format!("{base}/admin/email")));
            None
        }
    };
    let final_checkpoint = async {
        checkpointing.abort();
        if let Err(e) = checkpoints.write_if_moved().await {
            tracing::error!(error = %e, "final audit checkpoint failed");
        }
    };
    rapport_web::serve_then(listener, state, shutdown_signal(), final_checkpoint).await.map_err(|e| e.to_string())?;
    if let Some(d) = delivery {
        d.abort();
    }
    escalation.abort();
    outcomes.abort();
    reminders.abort();
    caseload_needs.abort();
    housekeeping.abort();
    exports.abort();
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}

/// `rapport fhir-client add|list|disable`, through the same use cases as the administration page.
async fn fhir_client(g: &Global, c: FhirClientCommand) -> Result<ExitCode, String> {
    use rapport_app::machine::{self, NewClient, Registrar};
    let jwks = match &c {
        FhirClientCommand::Add(a) if a.jwks.as_os_str() == "-" => {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).map_err(|e| format!("cannot read the keys: {e}"))?;
            text
        }
        FhirClientCommand::Add(a) => std::fs::read_to_string(&a.jwks)
            .map_err(|e| format!("cannot read the keys from {}: {e}", a.jwks.display()))?,
        _ => String::new(),
    };
    let store = open(g, 2).await?;
    let state = rapport_app::AppState::new(store.clone(), rapport_app::Config::default());
    let result = match &c {
        FhirClientCommand::Add(a) => {
            let input = NewClient { name: &a.name, jwks: &jwks, scopes: &a.scopes };
            machine::register(&state, Registrar::CommandLine, &input).await.map(|row| {
                println!("Machine client \"{}\" registered with scopes {}. Its client id:", row.name, row.scopes);
                println!("{}", row.id);
            })
        }
        FhirClientCommand::List => machine::list(&state, Registrar::CommandLine).await.map(|rows| {
            for r in rows {
                let status = if r.disabled_at.is_some() { "disabled" } else { "active" };
                println!("{}\t{status}\t{}\t{}", r.id, r.name, r.scopes);
            }
        }),
        FhirClientCommand::Disable(a) => machine::disable(&state, Registrar::CommandLine, &a.id)
            .await
            .map(|_| println!("Machine client {} disabled; its tokens no longer work.", a.id)),
    };
    store.close().await;
    result.map_err(|e| app_error("fhir-client", e))?;
    Ok(ExitCode::SUCCESS)
}

fn time_hours(h: i64) -> time::Duration {
    time::Duration::hours(h)
}

/// Deletes sessions past their limits every ten minutes (expiry is also enforced on use).
async fn housekeeping(state: rapport_app::AppState) {
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
            // Session recordings past the organisation's retention period lose their audio.
            match rapport_app::recordings::delete_expired(&state, now).await {
                Ok(n) if n > 0 => tracing::info!(recordings = n, "expired session recordings deleted"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = ?e, "recording housekeeping failed"),
            }
            match rapport_app::supervision::send_renewal_reminders(&state, rapport_app::clock::today()).await {
                Ok(n) if n > 0 => tracing::info!(certifications = n, "certification renewal reminders queued"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = ?e, "certification renewal reminders failed"),
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
