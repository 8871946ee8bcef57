//! E-mail delivery of the outbox through a tiny SMTP sink in this process:
//! delivery to the right address, once; failures counted with their error
//! and retried after the backoff; sensitive bodies redacted once sent; the
//! administrator's view.

use crate::support::*;
use rapport_app::mail::{deliver_due, DeliveryRun, Mailer, SmtpSettings};
use rapport_core::access::Role;
use rapport_core::outbox::REDACTED_BODY;
use rapport_core::Timestamp;
use rapport_web::Config;
use serde_json::json;
use sqlx::Connection;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// One message as the sink received it.
#[derive(Clone, Debug)]
struct Received {
    to: Vec<String>,
    data: String,
}

/// A minimal SMTP server on 127.0.0.1:0. With `reject`, it answers MAIL FROM
/// with a permanent 550 error. `sessions` counts connections.
struct Sink {
    url: String,
    mail: Arc<Mutex<Vec<Received>>>,
    sessions: Arc<Mutex<usize>>,
}

impl Sink {
    async fn start(reject: bool) -> Sink {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("smtp://{}", listener.local_addr().unwrap());
        let mail = Arc::new(Mutex::new(Vec::new()));
        let sessions = Arc::new(Mutex::new(0));
        let (m, n) = (mail.clone(), sessions.clone());
        tokio::spawn(async move {
            while let Ok((sock, _)) = listener.accept().await {
                *n.lock().unwrap() += 1;
                let m = m.clone();
                tokio::spawn(async move {
                    let (r, mut w) = sock.into_split();
                    let mut lines = BufReader::new(r).lines();
                    w.write_all(b"220 sink.test ESMTP\r\n").await.unwrap();
                    let mut to = Vec::new();
                    while let Ok(Some(line)) = lines.next_line().await {
                        let cmd = line.to_ascii_uppercase();
                        let reply: &[u8] = if cmd.starts_with("EHLO") || cmd.starts_with("HELO") {
                            b"250 sink.test\r\n"
                        } else if cmd.starts_with("MAIL FROM") {
                            to.clear();
                            if reject {
                                b"550 5.7.1 relaying denied for this sender\r\n"
                            } else {
                                b"250 OK\r\n"
                            }
                        } else if cmd.starts_with("RCPT TO") {
                            to.push(line[8..].trim().trim_matches(['<', '>']).to_string());
                            b"250 OK\r\n"
                        } else if cmd == "DATA" {
                            w.write_all(b"354 go ahead\r\n").await.unwrap();
                            let mut data = String::new();
                            while let Ok(Some(l)) = lines.next_line().await {
                                if l == "." {
                                    break;
                                }
                                data.push_str(&l);
                                data.push('\n');
                            }
                            m.lock().unwrap().push(Received { to: std::mem::take(&mut to), data });
                            b"250 queued\r\n"
                        } else if cmd == "QUIT" {
                            let _ = w.write_all(b"221 bye\r\n").await;
                            break;
                        } else if cmd == "RSET" || cmd == "NOOP" {
                            b"250 OK\r\n"
                        } else {
                            b"502 not implemented\r\n"
                        };
                        if w.write_all(reply).await.is_err() {
                            break;
                        }
                    }
                });
            }
        });
        Sink { url, mail, sessions }
    }

    fn received(&self) -> Vec<Received> {
        self.mail.lock().unwrap().clone()
    }

    fn sessions(&self) -> usize {
        *self.sessions.lock().unwrap()
    }
}

fn settings(url: &str) -> SmtpSettings {
    let mut s = SmtpSettings::parse(url, Some("Rapport <rapport@clinic.example>"), None).unwrap();
    s.timeout = std::time::Duration::from_secs(5);
    s
}

fn mailer(url: &str) -> Mailer {
    Mailer::new(&settings(url)).unwrap()
}

/// Inserts an outbox row the way other features do (e.g. portal invitations).
async fn enqueue(app: &TestApp, kind: &str, user: Option<&str>, email: Option<&str>, body: &str) -> String {
    let id = rapport_core::Id::new().to_string();
    let mut conn = sqlx::AnyConnection::connect(&app.db_url).await.unwrap();
    sqlx::query(
        "INSERT INTO outbox (id, kind, recipient_user_id, recipient_email, subject, body, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(kind)
    .bind(user.map(str::to_string))
    .bind(email.map(str::to_string))
    .bind(format!("Subject of {kind}"))
    .bind(body)
    .bind(Timestamp::now().to_db())
    .execute(&mut conn)
    .await
    .unwrap();
    id
}

fn run(sent: usize, failed: usize) -> DeliveryRun {
    DeliveryRun { sent, failed }
}

#[tokio::test]
async fn smtp_delivers_the_outbox_once_and_redacts_invitations() {
    for backend in backends() {
        let sink = Sink::start(false).await;
        let config =
            Config { settings_ttl: std::time::Duration::ZERO, smtp: Some(settings(&sink.url)), ..Default::default() };
        let app = TestApp::spawn(backend, config).await;
        app.user("mail-admin@clinic.example", Role::Admin).await;
        let alice = app.user("mail-alice@clinic.example", Role::Clinician).await;
        // A risk answer left unacknowledged escalates (nobody supervises Alice: to the administrator).
        let t = app.token_for(&alice).await;
        let c = new_client(&app, &t, "Mail Person").await;
        let (s, _) =
            post_response(&app, &t, &c, json!({"instrument": "phq9", "answers": [0, 0, 0, 0, 0, 0, 0, 0, 2]})).await;
        assert_eq!(s, 201);
        // Past the 4-hour acknowledgement deadline, before the duty step at 8 h.
        let later = Timestamp::now().plus(time::Duration::hours(5));
        assert_eq!(app.store.escalate_overdue_risk_flags(later, None).await.unwrap().len(), 1);
        let invite =
            enqueue(&app, "portal_invite", None, Some("client@example.org"), "Your one-time code is 482913.").await;
        // No address on the row: the user's current address is used.
        enqueue(&app, "note", Some(alice.id.as_str()), None, "For Alice").await;

        // Raising the flag also told Alice: four messages in all.
        let n = app.store.outbox(50).await.unwrap().len();
        assert_eq!(n, 4);
        let m = mailer(&sink.url);
        assert_eq!(deliver_due(&app.store, &m, Timestamp::now(), 50).await.unwrap(), run(n, 0));
        let got = sink.received();
        assert_eq!(got.len(), n, "{got:?}");
        let escalation = got.iter().find(|r| r.to == ["mail-admin@clinic.example"]).expect("escalation to the admin");
        assert!(escalation.data.contains("Subject: Risk flag not acknowledged: escalated to you"), "{escalation:?}");
        assert!(escalation.data.contains("From: Rapport <rapport@clinic.example>"), "{escalation:?}");
        let to_invitee = got.iter().find(|r| r.to == ["client@example.org"]).expect("invitation");
        assert!(to_invitee.data.contains("482913"), "the e-mail itself carries the code");
        assert!(got.iter().any(|r| r.to == ["mail-alice@clinic.example"]), "{got:?}");

        let rows = app.store.outbox(10).await.unwrap();
        assert_eq!(rows.len(), n);
        assert!(rows.iter().all(|r| r.sent_at.is_some() && r.attempts == 0), "{rows:?}");
        let kept = rows.iter().find(|r| r.id.to_string() == invite).unwrap();
        assert_eq!(kept.body, REDACTED_BODY);
        let esc = rows.iter().find(|r| r.kind == "risk_flag_escalated_no_supervisor").unwrap();
        assert!(esc.body.contains("has not been acknowledged"), "other bodies are kept: {}", esc.body);

        // A second run (even much later) sends nothing again.
        let much_later = Timestamp::now().plus(time::Duration::days(2));
        assert_eq!(deliver_due(&app.store, &m, much_later, 50).await.unwrap(), run(0, 0));
        assert_eq!(sink.received().len(), n);

        // The administrator sees the server and every message as sent.
        let b = app.browser_as("mail-admin@clinic.example").await;
        let (s, page) = b.text("/admin/email").await;
        assert_eq!(s, 200);
        assert!(page.contains("Configured") && page.contains(&sink.url[7..]), "{page}");
        assert_eq!(page.matches(r#"data-status="sent""#).count(), n, "{page}");
        assert!(page.contains("client@example.org") && !page.contains("482913"), "no bodies on the page");
        let (_, settings_page) = b.text("/admin/settings").await;
        assert!(settings_page.contains("Notifications are e-mailed through"), "{settings_page}");
    }
}

#[tokio::test]
async fn smtp_failures_are_recorded_and_retried_after_the_backoff() {
    on_each_backend(|app| async move {
        app.user("mail-admin2@clinic.example", Role::Admin).await;
        let id = enqueue(&app, "note", None, Some("someone@example.org"), "Hello").await;
        let refusing = Sink::start(true).await;
        let now = Timestamp::now();
        assert_eq!(deliver_due(&app.store, &mailer(&refusing.url), now, 50).await.unwrap(), run(0, 1));
        let row = app.store.outbox(1).await.unwrap().remove(0);
        assert_eq!((row.id.to_string(), row.sent_at, row.attempts), (id.clone(), None, 1));
        let err = row.last_error.clone().unwrap_or_default();
        assert!(err.contains("550") || err.contains("relaying denied"), "{err}");
        assert!(refusing.received().is_empty());

        // Not retried before the backoff (2 minutes after one failure).
        let sessions = refusing.sessions();
        let soon = now.plus(time::Duration::minutes(1));
        assert_eq!(deliver_due(&app.store, &mailer(&refusing.url), soon, 50).await.unwrap(), run(0, 0));
        assert_eq!(refusing.sessions(), sessions, "no connection during the backoff");

        // After it, a closed port is a second failure with its own error.
        let closed = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            format!("smtp://{}", l.local_addr().unwrap())
        };
        let t2 = now.plus(time::Duration::minutes(3));
        assert_eq!(deliver_due(&app.store, &mailer(&closed), t2, 50).await.unwrap(), run(0, 1));
        let row = app.store.outbox(1).await.unwrap().remove(0);
        assert_eq!((row.sent_at, row.attempts), (None, 2));
        assert_ne!(row.last_error.as_deref(), Some(err.as_str()));
        assert_eq!(row.next_attempt_at, Some(t2.plus(time::Duration::minutes(4))));

        // The administrator sees it waiting with the error, and that no server is configured here.
        let b = app.browser_as("mail-admin2@clinic.example").await;
        let (s, page) = b.text("/admin/email").await;
        assert_eq!(s, 200);
        assert!(page.contains("Not configured"), "{page}");
        assert!(page.contains(r#"data-status="retrying""#) && page.contains("2 failed attempts"), "{page}");
        assert!(page.contains("Last error:"), "{page}");

        // A working server later delivers it.
        let ok = Sink::start(false).await;
        let t3 = t2.plus(time::Duration::minutes(5));
        assert_eq!(deliver_due(&app.store, &mailer(&ok.url), t3, 50).await.unwrap(), run(1, 0));
        assert_eq!(ok.received()[0].to, ["someone@example.org"]);
        assert!(app.store.outbox(1).await.unwrap()[0].sent_at.is_some());
    })
    .await;
}

#[tokio::test]
async fn smtp_rows_are_claimed_by_one_sender_and_given_up_after_the_last_attempt() {
    on_each_backend(|app| async move {
        let id = enqueue(&app, "note", None, Some("someone@example.org"), "Hello").await;
        let id = rapport_core::Id::parse(&id).unwrap();
        let now = Timestamp::now();
        // Two instances race for the row: one wins; the other skips it until the lease ends.
        assert!(app.store.claim_outbox(&id, now).await.unwrap());
        assert!(!app.store.claim_outbox(&id, now).await.unwrap());
        assert!(app.store.due_outbox(now, 10).await.unwrap().is_empty());
        let after_lease = now.plus(rapport_core::outbox::CLAIM_LEASE);
        assert_eq!(app.store.due_outbox(after_lease, 10).await.unwrap().len(), 1);
        // The last allowed failure leaves it failed for good, and the counts say so.
        let max = rapport_core::outbox::MAX_ATTEMPTS;
        app.store.outbox_failed(&id, max - 1, "421 try later", now).await.unwrap();
        let far = now.plus(time::Duration::days(30));
        assert!(app.store.due_outbox(far, 10).await.unwrap().is_empty());
        let counts = app.store.outbox_counts().await.unwrap();
        assert_eq!((counts.sent, counts.pending, counts.failed), (0, 0, 1));
    })
    .await;
}
