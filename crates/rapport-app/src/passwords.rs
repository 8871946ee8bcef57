//! Argon2id password hashing (OWASP parameters: m = 19 MiB, t = 2, p = 1),
//! run on the blocking pool behind a semaphore so a login flood cannot exhaust
//! memory or starve the async runtime.

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::Arc;
use tokio::sync::{OnceCell, Semaphore};

#[derive(Clone)]
pub struct Hasher {
    permits: Arc<Semaphore>,
    dummy: Arc<OnceCell<String>>,
}

fn argon2() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::default())
}

impl Hasher {
    /// `concurrency` hashes at once (each holds ~19 MiB).
    pub fn new(concurrency: usize) -> Self {
        Hasher { permits: Arc::new(Semaphore::new(concurrency.max(1))), dummy: Arc::new(OnceCell::new()) }
    }

    #[crate::boxing::boxed_future]
    pub async fn hash(&self, password: &str) -> String {
        let _permit = self.permits.acquire().await.expect("semaphore open");
        let pw = password.to_string();
        tokio::task::spawn_blocking(move || hash_now(&pw)).await.expect("hashing task")
    }

    /// Verifies against a stored PHC string. Returns (matches, needs_rehash).
    #[crate::boxing::boxed_future]
    pub async fn verify(&self, password: &str, phc: &str) -> (bool, bool) {
        let _permit = self.permits.acquire().await.expect("semaphore open");
        let pw = password.to_string();
        let phc = phc.to_string();
        tokio::task::spawn_blocking(move || {
            let Ok(parsed) = PasswordHash::new(&phc) else { return (false, false) };
            let ok = argon2().verify_password(pw.as_bytes(), &parsed).is_ok();
            let current = Params::default();
            let outdated = parsed.algorithm.as_str() != "argon2id"
                || Params::try_from(&parsed)
                    .map(|p| p.m_cost() < current.m_cost() || p.t_cost() < current.t_cost())
                    .unwrap_or(true);
            (ok, ok && outdated)
        })
        .await
        .expect("verify task")
    }

    /// Spends the same work as a real check when the account does not exist,
    /// so response time does not reveal which e-mail addresses have accounts.
    #[crate::boxing::boxed_future]
    pub async fn verify_dummy(&self, password: &str) {
        let dummy =
            self.dummy.get_or_init(|| async { self.hash("rapport-dummy-password-for-timing").await }).await.clone();
        let _ = self.verify(password, &dummy).await;
    }
}

/// Synchronous hashing for the CLI.
pub fn hash_now(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    argon2().hash_password(password.as_bytes(), &salt).expect("argon2 hashing").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_use_owasp_parameters() {
        let h = Hasher::new(1);
        let phc = h.hash("correct horse battery").await;
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert_eq!(h.verify("correct horse battery", &phc).await, (true, false));
        assert_eq!(h.verify("wrong horse battery", &phc).await, (false, false));
        assert_eq!(h.verify("x", "not a hash").await, (false, false));
    }

    #[tokio::test]
    async fn weaker_hashes_are_flagged_for_rehash() {
        let weak = Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::new(8192, 1, 1, None).unwrap())
            .hash_password(b"pw-pw-pw-pw-pw", &SaltString::generate(&mut OsRng))
            .unwrap()
            .to_string();
        assert_eq!(Hasher::new(1).verify("pw-pw-pw-pw-pw", &weak).await, (true, true));
    }
}
