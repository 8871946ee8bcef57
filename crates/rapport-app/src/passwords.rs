//! Argon2id password hashing (OWASP parameters: m = 19 MiB, t = 2, p = 1),
//! run on the blocking pool behind a semaphore so a login flood cannot exhaust
//! memory or starve the async runtime.
//!
//! Each hash works in a 19 MiB buffer. Allocated afresh on whichever blocking
//! thread ran it, glibc kept those buffers in up to 16 per-thread arenas: a
//! server that had seen a few dozen sign-ins held 450 MB it never used again
//! (bench/README.md, "Soak"). The buffers are now taken from a pool of one
//! per permit, allocated on first use and reused, so hashing never holds more
//! than `concurrency` × 19 MiB.

use argon2::password_hash::{rand_core::OsRng, Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use std::sync::{Arc, Mutex};
use tokio::sync::{OnceCell, Semaphore};

#[derive(Clone)]
pub struct Hasher {
    permits: Arc<Semaphore>,
    /// Work buffers, at most one per permit.
    buffers: Arc<Mutex<Vec<Vec<Block>>>>,
    dummy: Arc<OnceCell<String>>,
}

fn argon2() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::default())
}

impl Hasher {
    /// `concurrency` hashes at once (each holds ~19 MiB).
    pub fn new(concurrency: usize) -> Self {
        Hasher {
            permits: Arc::new(Semaphore::new(concurrency.max(1))),
            buffers: Arc::new(Mutex::new(Vec::new())),
            dummy: Arc::new(OnceCell::new()),
        }
    }

    /// Runs `work` on the blocking pool with a pooled buffer, under a permit.
    async fn with_buffer<T: Send + 'static>(&self, work: impl FnOnce(&mut Vec<Block>) -> T + Send + 'static) -> T {
        // The permit moves into the blocking task, so it is held until the
        // hash ends even when the request is dropped meanwhile: never more
        // buffers out (or in the pool) than permits.
        let permit = self.permits.clone().acquire_owned().await.expect("semaphore open");
        let buffers = self.buffers.clone();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let mut buffer = buffers.lock().unwrap_or_else(|e| e.into_inner()).pop().unwrap_or_default();
            let result = work(&mut buffer);
            // A stored hash with a larger memory cost than today's is not kept for.
            if buffer.capacity() > Params::default().block_count() {
                buffer = Vec::new();
            }
            buffers.lock().unwrap_or_else(|e| e.into_inner()).push(buffer);
            result
        })
        .await
        .expect("hashing task")
    }

    #[crate::boxing::boxed_future]
    pub async fn hash(&self, password: &str) -> String {
        let pw = password.to_string();
        self.with_buffer(move |buffer| hash_with(&pw, buffer)).await
    }

    /// Verifies against a stored PHC string. Returns (matches, needs_rehash).
    #[crate::boxing::boxed_future]
    pub async fn verify(&self, password: &str, phc: &str) -> (bool, bool) {
        let pw = password.to_string();
        let phc = phc.to_string();
        self.with_buffer(move |buffer| {
            let Ok(parsed) = PasswordHash::new(&phc) else { return (false, false) };
            let ok = verify_with(pw.as_bytes(), &parsed, buffer);
            let current = Params::default();
            let outdated = parsed.algorithm.as_str() != "argon2id"
                || Params::try_from(&parsed)
                    .map(|p| p.m_cost() < current.m_cost() || p.t_cost() < current.t_cost())
                    .unwrap_or(true);
            (ok, ok && outdated)
        })
        .await
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

/// `password` hashed with the current parameters and a fresh salt, as a PHC
/// string, working in `buffer`.
fn hash_with(password: &str, buffer: &mut Vec<Block>) -> String {
    let salt = SaltString::generate(&mut OsRng);
    let params = Params::default();
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    let mut salt_bytes = [0u8; 64];
    let salt_bytes = salt.as_salt().decode_b64(&mut salt_bytes).expect("a generated salt decodes");
    buffer.resize(params.block_count(), Block::default());
    argon2()
        .hash_password_into_with_memory(password.as_bytes(), salt_bytes, &mut out, &mut buffer[..])
        .expect("argon2 hashing");
    PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).expect("default parameters encode"),
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&out).expect("a 32-byte output")),
    }
    .to_string()
}

/// Whether `password` gives `stored`'s output under `stored`'s own algorithm,
/// version, parameters and salt (as `PasswordVerifier` does), working in
/// `buffer`. The outputs are compared in constant time (`Output`'s `==`).
fn verify_with(password: &[u8], stored: &PasswordHash, buffer: &mut Vec<Block>) -> bool {
    let (Some(salt), Some(expected)) = (&stored.salt, &stored.hash) else { return false };
    let Ok(algorithm) = Algorithm::try_from(stored.algorithm) else { return false };
    let Ok(version) = stored.version.map(Version::try_from).transpose() else { return false };
    let Ok(params) = Params::try_from(stored) else { return false };
    let mut salt_bytes = [0u8; 64];
    let Ok(salt_bytes) = salt.decode_b64(&mut salt_bytes) else { return false };
    let mut out = vec![0u8; expected.len()];
    buffer.resize(params.block_count(), Block::default());
    let argon = Argon2::new(algorithm, version.unwrap_or_default(), params);
    if argon.hash_password_into_with_memory(password, salt_bytes, &mut out, &mut buffer[..]).is_err() {
        return false;
    }
    Output::new(&out).is_ok_and(|computed| computed == *expected)
}

/// Synchronous hashing for the CLI.
pub fn hash_now(password: &str) -> String {
    hash_with(password, &mut Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::{PasswordHasher, PasswordVerifier};

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

    /// The pooled path gives exactly the library's own hashes and verdicts.
    #[tokio::test]
    async fn pooled_hashing_agrees_with_the_library() {
        let h = Hasher::new(2);
        let ours = h.hash("correct horse battery").await;
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(argon2().verify_password(b"correct horse battery", &parsed).is_ok(), "{ours}");
        assert!(argon2().verify_password(b"correct horse batterz", &parsed).is_err());
        let salt = SaltString::generate(&mut OsRng);
        let theirs = argon2().hash_password(b"tr0ub4dor&3", &salt).unwrap().to_string();
        assert_eq!(h.verify("tr0ub4dor&3", &theirs).await, (true, false));
        assert_eq!(h.verify("tr0ub4dor&4", &theirs).await, (false, false));
        // The library's output for a salt is what our buffer path computes.
        let mut buffer = Vec::new();
        let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
        let mut salt_bytes = [0u8; 64];
        let salt_bytes = salt.as_salt().decode_b64(&mut salt_bytes).unwrap();
        buffer.resize(Params::default().block_count(), Block::default());
        argon2().hash_password_into_with_memory(b"tr0ub4dor&3", salt_bytes, &mut out, &mut buffer[..]).unwrap();
        assert_eq!(PasswordHash::new(&theirs).unwrap().hash.unwrap().as_bytes(), &out);
        // An Argon2i hash verifies under its own algorithm.
        let argon2i = Argon2::new(Algorithm::Argon2i, Version::V0x13, Params::new(8192, 2, 1, None).unwrap())
            .hash_password(b"pw", &salt)
            .unwrap()
            .to_string();
        assert_eq!(h.verify("pw", &argon2i).await, (true, true), "verified, and flagged for argon2id");
        assert_eq!(h.buffers.lock().unwrap().len(), 1, "one buffer served every hash in turn");
    }
}
