//! Giving memory the server has freed back to the system.
//!
//! glibc's allocator keeps what a thread frees in that thread's arena for
//! reuse and returns it to the system only from the top of the heap, so a
//! long-running server's resident size drifts above what it holds: the
//! SQLite soak (bench/README.md) held a 75 MB heap at its peak while its RSS
//! rose past 100 MB. `malloc_trim` hands the free pages of every arena back
//! (glibc 2.8+ also releases whole free pages inside the heap), which costs
//! a few milliseconds on a blocking thread every half minute. Other
//! allocators and platforms have nothing to do here.

use std::time::Duration;

/// How often free memory is handed back.
pub const TRIM_EVERY: Duration = Duration::from_secs(30);

/// Hands free memory back every `every`, until aborted.
pub fn spawn_trim(every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        tick.tick().await; // the first tick is immediate: nothing to give back yet
        loop {
            tick.tick().await;
            if tokio::task::spawn_blocking(trim).await.is_err() {
                return;
            }
        }
    })
}

/// Returns whether any memory was handed back.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn trim() -> bool {
    // SAFETY: malloc_trim takes the allocator's own locks; it only releases
    // pages that hold no allocation, so no pointer the program holds changes.
    unsafe { libc::malloc_trim(0) == 1 }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn trim() -> bool {
    false
}

#[cfg(all(test, target_os = "linux", target_env = "gnu"))]
mod tests {
    /// Resident kilobytes of this process (`VmRSS`).
    fn rss_kb() -> u64 {
        let status = std::fs::read_to_string("/proc/self/status").unwrap();
        let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
        line.split_whitespace().nth(1).unwrap().parse().unwrap()
    }

    /// Memory freed in the middle of the heap (kept by glibc, below a block
    /// still in use) goes back to the system only with a trim.
    #[test]
    fn a_trim_hands_back_memory_freed_below_a_live_block() {
        // Many small blocks (below the mmap threshold, so inside the heap),
        // touched so they are resident, then one more kept above them.
        let mut blocks: Vec<Vec<u8>> = (0..4096).map(|i| vec![i as u8; 16 * 1024]).collect();
        let keep = vec![1u8; 16 * 1024];
        let before_free = rss_kb() as i64;
        blocks.clear();
        blocks.shrink_to_fit();
        let freed = rss_kb() as i64;
        assert!(super::trim(), "there was free memory to hand back");
        let trimmed = rss_kb() as i64;
        assert!(
            before_free - freed < 16 * 1024,
            "glibc kept most of the 64 MB freed below a live block: {before_free} -> {freed} kB"
        );
        assert!(freed - trimmed > 32 * 1024, "the trim handed most of it back: {freed} -> {trimmed} kB");
        assert_eq!(keep[0], 1);
    }
}
