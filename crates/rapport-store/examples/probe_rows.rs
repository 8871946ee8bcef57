// Temporary timing probe (not committed).
use sqlx::Row;
use std::time::Instant;
#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    sqlx::any::install_default_drivers();
    let url = std::env::args().nth(1).unwrap();
    let pool = sqlx::any::AnyPoolOptions::new().max_connections(2).connect(&url).await.unwrap();
    let v2 = std::fs::read_to_string("/tmp/sql_v2.txt").unwrap();
    let v3 = std::fs::read_to_string("/tmp/sql_v3.txt").unwrap();
    let (mut a, mut b, mut parts) = (Vec::new(), Vec::new(), [Vec::new(), Vec::new(), Vec::new()]);
    for _ in 0..10 {
        let t = Instant::now();
        let r = sqlx::query(&v2).fetch_one(&pool).await.unwrap();
        let x: Option<String> = r.get(0);
        a.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let mut n = x.map_or(0, |s| s.len());
        for (i, q) in v3.lines().enumerate() {
            let ti = Instant::now();
            let r = sqlx::query(q).fetch_one(&pool).await.unwrap();
            let x: Option<String> = r.get(0);
            n += x.map_or(0, |s| s.len());
            parts[i].push(ti.elapsed().as_secs_f64() * 1e3);
        }
        b.push(t.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(n);
    }
    let p50 = |v: &mut Vec<f64>| {
        v.sort_by(|x, y| x.partial_cmp(y).unwrap());
        v[v.len() / 2]
    };
    println!(
        "v2 joins p50 {:.1} ms; v3 three ranges p50 {:.1} ms (lines {:.1}, part {:.1}, months {:.1})",
        p50(&mut a),
        p50(&mut b),
        p50(&mut parts[0]),
        p50(&mut parts[1]),
        p50(&mut parts[2])
    );
}
