//! E-mail delivery of the notification outbox over SMTP (docs/email.md).
//!
//! `SmtpSettings::parse` checks `--smtp-url` / `--smtp-from` at start;
//! `deliver_due` sends what is due, one claimed row at a time, so several
//! server instances never send the same message twice at once. The rules
//! (backoff, redaction of sensitive bodies) are in `rapport_core::outbox`.

use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::transport::smtp::extension::ClientId;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use rapport_core::Timestamp;
use rapport_store::Store;
use std::fmt;
use std::time::Duration;

/// How the connection to the mail server is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Security {
    /// `smtp://`: no encryption (a relay on the same host or network).
    Plain,
    /// `smtp://…?tls=opportunistic`: STARTTLS when the server offers it.
    StartTlsOpportunistic,
    /// `smtp://…?tls=required`: STARTTLS, or no delivery.
    StartTlsRequired,
    /// `smtps://`: TLS from the first byte (port 465).
    Implicit,
}

impl Security {
    pub fn label(&self) -> &'static str {
        match self {
            Security::Plain => "no encryption",
            Security::StartTlsOpportunistic => "STARTTLS when offered",
            Security::StartTlsRequired => "STARTTLS required",
            Security::Implicit => "TLS (smtps)",
        }
    }
}

/// Checked SMTP settings. `Debug` and `describe` never show the password.
#[derive(Clone)]
pub struct SmtpSettings {
    url: String,
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub username: Option<String>,
    has_path: bool,
    pub from: Mailbox,
    /// Per-command timeout towards the mail server.
    pub timeout: Duration,
}

impl fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}

impl SmtpSettings {
    /// Checks `url` and `from`. Without `from`, the sender is
    /// `rapport@<host of public_url>`; with neither, `from` is required.
    /// Errors name the option and never repeat a password.
    pub fn parse(url: &str, from: Option<&str>, public_url: Option<&str>) -> Result<SmtpSettings, String> {
        let bad = |m: &str| format!("--smtp-url: {m}");
        let url = url.trim();
        let (scheme, rest) = url.split_once("://").ok_or_else(|| {
            bad("expected smtp://host:port or smtps://host:port (optionally with user:password@ before the host)")
        })?;
        let (rest, query) = match rest.split_once('?') {
            Some((r, q)) => (r, Some(q)),
            None => (rest, None),
        };
        let security = match (scheme.to_ascii_lowercase().as_str(), query) {
            ("smtp", None) => Security::Plain,
            ("smtp", Some("tls=opportunistic")) => Security::StartTlsOpportunistic,
            ("smtp", Some("tls=required")) => Security::StartTlsRequired,
            ("smtps", None) => Security::Implicit,
            ("smtp" | "smtps", Some(_)) => {
                return Err(bad("the only query allowed is ?tls=required or ?tls=opportunistic, and only with smtp://"))
            }
            (other, _) => return Err(bad(&format!("unknown scheme \"{other}\": use smtp:// or smtps://"))),
        };
        let (authority, path) = match rest.split_once('/') {
            Some((a, p)) => (a, p.trim_matches('/')),
            None => (rest, ""),
        };
        let (creds, hostport) = match authority.rsplit_once('@') {
            Some((c, h)) => (Some(c), h),
            None => (None, authority),
        };
        let username = match creds {
            None => None,
            Some(c) => match c.split_once(':') {
                Some((u, p)) if !u.is_empty() && !p.is_empty() => Some(u.to_string()),
                _ => return Err(bad("credentials must be written user:password@ (percent-encode @ or : in them)")),
            },
        };
        if username.is_some() && security == Security::Plain {
            return Err(bad(
                "a password is never sent unencrypted: use smtps:// or add ?tls=required to send credentials",
            ));
        }
        let split = if hostport.starts_with('[') {
            hostport.rfind("]:").map(|i| (&hostport[..=i], &hostport[i + 2..]))
        } else {
            hostport.rsplit_once(':')
        };
        let (host, port) = match split {
            Some((h, p)) => {
                let port = p
                    .parse::<u16>()
                    .ok()
                    .filter(|p| *p > 0)
                    .ok_or_else(|| bad(&format!("port \"{p}\" is not a number from 1 to 65535")))?;
                (h, port)
            }
            _ => (
                hostport,
                match security {
                    Security::Plain => 25,
                    Security::Implicit => 465,
                    _ => 587,
                },
            ),
        };
        let host_ok = !host.is_empty()
            && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '[' | ']' | ':'));
        if !host_ok {
            return Err(bad("the mail server's host name is missing or invalid"));
        }
        if !path.is_empty() && !path.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-')) {
            return Err(bad("the part after the host is the name Rapport greets the server with (a host name)"));
        }
        // lettre reads the same URL; anything it still refuses is reported here, at start.
        AsyncSmtpTransport::<Tokio1Executor>::from_url(url).map_err(|e| bad(&format!("{e}")))?;
        let from = match from.map(str::trim).filter(|s| !s.is_empty()) {
            Some(f) => f
                .parse::<Mailbox>()
                .map_err(|_| format!("--smtp-from: \"{f}\" is not an e-mail address (e.g. rapport@clinic.example)"))?,
            None => {
                let domain = public_url.and_then(public_host).ok_or_else(|| {
                    "--smtp-from is required with --smtp-url when there is no --public-url to derive it from"
                        .to_string()
                })?;
                format!("Rapport <rapport@{domain}>")
                    .parse::<Mailbox>()
                    .map_err(|_| format!("--smtp-from: cannot derive a sender from --public-url ({domain})"))?
            }
        };
        Ok(SmtpSettings {
            url: url.to_string(),
            host: host.to_string(),
            port,
            security,
            username,
            has_path: !path.is_empty(),
            from,
            timeout: Duration::from_secs(30),
        })
    }

    /// For the administrator and the logs: server, protection, account, sender.
    pub fn describe(&self) -> String {
        let account = self.username.as_deref().map(|u| format!(", signing in as {u}")).unwrap_or_default();
        format!("{}:{} ({}{account}), sending as {}", self.host, self.port, self.security.label(), self.from)
    }
}

/// The host of an http(s) address (`https://rapport.clinic.example/` gives `rapport.clinic.example`).
fn public_host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', ':', '?']).next()?.trim();
    (!host.is_empty() && host.contains('.')).then(|| host.to_string())
}

/// Sends messages through one SMTP server.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    pub fn new(s: &SmtpSettings) -> Result<Mailer, String> {
        let mut b = AsyncSmtpTransport::<Tokio1Executor>::from_url(&s.url)
            .map_err(|e| format!("--smtp-url: {e}"))?
            .timeout(Some(s.timeout));
        if !s.has_path {
            b = b.hello_name(ClientId::Domain(s.from.email.domain().to_string()));
        }
        Ok(Mailer { transport: b.build(), from: s.from.clone() })
    }

    async fn send(&self, id: &str, to: &str, subject: &str, body: &str) -> Result<(), String> {
        let to: Mailbox = to.parse().map_err(|_| format!("invalid recipient address {to:?}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .message_id(Some(format!("<{id}@{}>", self.from.email.domain())))
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_string())
            .map_err(|e| format!("cannot build the message: {e}"))?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| e.to_string())
    }
}

/// What one delivery run did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DeliveryRun {
    pub sent: usize,
    pub failed: usize,
}

/// Sends up to `limit` messages due at `now`, oldest first. Each is claimed
/// first (a row another instance claimed is skipped); a delivered message
/// gets `sent_at` (and a sensitive body is redacted), a failure counts an
/// attempt, keeps the error and waits for the backoff.
#[crate::boxing::boxed_future]
pub async fn deliver_due(
    store: &Store,
    mailer: &Mailer,
    now: Timestamp,
    limit: i64,
) -> Result<DeliveryRun, rapport_store::StoreError> {
    let mut run = DeliveryRun::default();
    for m in store.due_outbox(now, limit).await? {
        if !store.claim_outbox(&m.id, now).await? {
            continue;
        }
        let outcome = match &m.to {
            Some(to) => mailer.send(m.id.as_str(), to, &m.subject, &m.body).await,
            None => Err("no recipient address (no e-mail on the message or the user)".to_string()),
        };
        match outcome {
            Ok(()) => {
                store.outbox_sent(&m.id, &m.kind, Timestamp::now()).await?;
                run.sent += 1;
            }
            Err(e) => {
                tracing::warn!(message = %m.id, kind = %m.kind, attempts = m.attempts + 1, error = %e, "e-mail delivery failed");
                store.outbox_failed(&m.id, m.attempts, &e, now).await?;
                run.failed += 1;
            }
        }
    }
    Ok(run)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(url: &str) -> Result<SmtpSettings, String> {
        SmtpSettings::parse(url, Some("rapport@clinic.example"), None)
    }

    #[test]
    fn accepts_the_documented_forms() {
        let s = parse("smtp://127.0.0.1:2525").unwrap();
        assert_eq!((s.host.as_str(), s.port, s.security), ("127.0.0.1", 2525, Security::Plain));
        let s = parse("smtps://mailer:s3cret@mail.example").unwrap();
        assert_eq!((s.port, s.security, s.username.as_deref()), (465, Security::Implicit, Some("mailer")));
        assert!(!s.describe().contains("s3cret"));
        assert!(!format!("{s:?}").contains("s3cret"));
        let s = parse("smtp://u:p@mail.example:587?tls=required").unwrap();
        assert_eq!(s.security, Security::StartTlsRequired);
        assert_eq!(parse("smtp://relay?tls=opportunistic").unwrap().port, 587);
    }

    #[test]
    fn refuses_what_cannot_work() {
        for (url, says) in [
            ("http://mail.example", "unknown scheme"),
            ("mail.example:25", "expected smtp://"),
            ("smtp://mail.example:99999", "port"),
            ("smtp://:25", "host"),
            ("smtp://user:pw@mail.example", "never sent unencrypted"),
            ("smtps://mail.example?tls=required", "only query"),
            ("smtps://user@mail.example", "user:password@"),
        ] {
            let e = parse(url).unwrap_err();
            assert!(e.starts_with("--smtp-url:") && e.contains(says), "{url}: {e}");
            assert!(!e.contains("pw"), "{e}");
        }
    }

    #[test]
    fn the_sender_is_checked_or_derived() {
        let e = SmtpSettings::parse("smtp://relay", Some("not an address"), None).unwrap_err();
        assert!(e.starts_with("--smtp-from:"), "{e}");
        let e = SmtpSettings::parse("smtp://relay", None, None).unwrap_err();
        assert!(e.contains("--smtp-from is required"), "{e}");
        let s = SmtpSettings::parse("smtp://relay", None, Some("https://rapport.clinic.example/")).unwrap();
        assert_eq!(s.from.email.to_string(), "rapport@rapport.clinic.example");
    }
}
