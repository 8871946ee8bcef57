//! Kiosk mode's state on each backend: the PIN hash on the account, the lock
//! on one session (not the person's other sessions), the queue, the wrong-PIN
//! counter, unlocking, and the lock ending with its session.

use super::{details, event, on_each_backend, user};
use rapport_core::access::Role;
use rapport_core::audit::action;

#[tokio::test]
async fn a_session_locks_counts_wrong_pins_and_unlocks() {
    on_each_backend(|store| async move {
        let me = user(&store, "kiosk@example.org", Role::Clinician).await;
        let client = store.create_client(&details("Kiosk Client"), &me, event(action::CLIENT_CREATE)).await.unwrap();
        assert_eq!(store.kiosk_pin_hash(&me).await.unwrap(), None);
        store.set_kiosk_pin(&me, "$argon2id$pin", event(action::KIOSK_PIN_SET)).await.unwrap();
        assert_eq!(store.kiosk_pin_hash(&me).await.unwrap().as_deref(), Some("$argon2id$pin"));

        store.create_session("tablet", &me, "csrf", None, None, event(action::LOGIN)).await.unwrap();
        store.create_session("desk", &me, "csrf2", None, None, event(action::LOGIN)).await.unwrap();
        assert_eq!(store.kiosk_lock("tablet").await.unwrap(), None, "not locked until handed over");

        let queue = vec!["phq9".to_string(), "gad7".to_string()];
        store.lock_kiosk("tablet", &client.id, None, &queue, event(action::KIOSK_START)).await.unwrap();
        let lock = store.kiosk_lock("tablet").await.unwrap().unwrap();
        assert_eq!((lock.client_id.clone(), lock.queue.clone(), lock.failures), (client.id.clone(), queue, 0));
        assert_eq!(lock.course_id, None);
        assert_eq!(store.kiosk_lock("desk").await.unwrap(), None, "the person's other session stays free");
        let (row, _) = store.session_with_user("tablet").await.unwrap().unwrap();
        assert_eq!(row.kiosk_client_id, Some(client.id.clone()), "every request sees the lock");
        let (row, _) = store.session_with_user("desk").await.unwrap().unwrap();
        assert_eq!(row.kiosk_client_id, None);

        store.set_kiosk_queue("tablet", &["gad7".to_string()]).await.unwrap();
        assert_eq!(store.kiosk_lock("tablet").await.unwrap().unwrap().queue, vec!["gad7".to_string()]);
        store.set_kiosk_queue("tablet", &[]).await.unwrap();
        assert!(store.kiosk_lock("tablet").await.unwrap().unwrap().queue.is_empty(), "still locked when all done");

        for n in 1..=3 {
            let got = store.kiosk_pin_failed("tablet", |_| event(action::KIOSK_PIN_FAILED)).await.unwrap();
            assert_eq!(got, n);
        }
        assert_eq!(store.kiosk_pin_failed("desk", |_| event(action::KIOSK_PIN_FAILED)).await.unwrap(), 0);
        assert!(store.unlock_kiosk("tablet", event(action::KIOSK_UNLOCK)).await.unwrap());
        assert_eq!(store.kiosk_lock("tablet").await.unwrap(), None);
        assert!(!store.unlock_kiosk("tablet", event(action::KIOSK_UNLOCK)).await.unwrap(), "already unlocked");

        // Locked again, the counter starts afresh; ending the session ends the lock.
        store.lock_kiosk("tablet", &client.id, None, &["gad7".to_string()], event(action::KIOSK_START)).await.unwrap();
        assert_eq!(store.kiosk_lock("tablet").await.unwrap().unwrap().failures, 0);
        store.end_session(&me, "tablet", None).await.unwrap();
        assert_eq!(store.kiosk_lock("tablet").await.unwrap(), None);
    })
    .await;
}
