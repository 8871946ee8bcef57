//! The hottest SQLite reads, run on the calling thread (decision 59).
//!
//! sqlx-sqlite gives each connection a worker thread and hands it every
//! statement, and hands the rows back, over channels: on a busy core each
//! hand-off is a context switch, and they were a fifth of the caseload page's
//! CPU (bench/README.md). The reads every request makes (the session or token
//! with its user, the caseload page's list) run here instead, on a rusqlite
//! connection on the caller's thread, with the same SQL text and the same
//! arguments, and come back as the same `AnyRow`s sqlx would give, so the code
//! that reads them is one for both databases.
//!
//! Only for reads that take microseconds: they hold the runtime thread while
//! they run. WAL readers never wait for the writer, so they cannot stall on a
//! lock held elsewhere; `busy_timeout` covers the rare recovery moments.

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};
use sqlx_core::any::{AnyArguments, AnyColumn, AnyRow, AnyTypeInfo, AnyTypeInfoKind, AnyValue, AnyValueKind};
use sqlx_core::ext::ustr::UStr;
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Prepared statements each connection keeps (the hot reads are a handful of texts).
const STATEMENT_CACHE: usize = 64;

/// Idle read connections to one SQLite file, opened on demand: at most one per
/// thread that reads at the same moment, since a read never awaits.
pub(crate) struct InlineReaders {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
}

impl InlineReaders {
    /// Opens the first connection now, so a file that cannot be read fails at start.
    pub(crate) fn open(path: &Path) -> Result<InlineReaders, sqlx::Error> {
        let first = connect(path)?;
        Ok(InlineReaders { path: path.to_path_buf(), idle: Mutex::new(vec![first]) })
    }

    /// Every row `sql` gives with `arguments` bound to its `$N` parameters.
    pub(crate) fn fetch_all(&self, sql: &str, arguments: Option<AnyArguments<'_>>) -> Result<Vec<AnyRow>, sqlx::Error> {
        let conn = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let conn = match conn {
            Some(c) => c,
            None => connect(&self.path)?,
        };
        let rows = run(&conn, sql, arguments.map(|a| a.values.0).unwrap_or_default());
        // A connection whose statement failed is still sound (each read is its own transaction).
        self.idle.lock().unwrap_or_else(|e| e.into_inner()).push(conn);
        rows
    }
}

fn connect(path: &Path) -> Result<Connection, sqlx::Error> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(path, flags).map_err(driver)?;
    // query_only: this path must never write, whatever SQL reaches it.
    conn.execute_batch("PRAGMA busy_timeout = 10000; PRAGMA query_only = ON;").map_err(driver)?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    Ok(conn)
}

fn driver(e: rusqlite::Error) -> sqlx::Error {
    sqlx::Error::AnyDriverError(Box::new(e))
}

fn run(conn: &Connection, sql: &str, arguments: Vec<AnyValueKind<'_>>) -> Result<Vec<AnyRow>, sqlx::Error> {
    let mut stmt = conn.prepare_cached(sql).map_err(driver)?;
    bind(&mut stmt, &arguments)?;
    // Names and columns once per statement; each row gets a copy (reference counts, no text).
    // A column's type is left unknown: sqlx's `Any` decodes by each value's own type.
    let mut names = sqlx_core::HashMap::new();
    let mut columns = Vec::new();
    for (i, name) in stmt.column_names().into_iter().enumerate() {
        let name = UStr::from(name.to_string());
        // The first of a repeated name, as a lookup by name finds it; row::Named refuses repeats anyway.
        names.entry(name.clone()).or_insert(i);
        columns.push(AnyColumn { ordinal: i, name, type_info: AnyTypeInfo { kind: AnyTypeInfoKind::Null } });
    }
    let names = Arc::new(names);
    let mut out = Vec::new();
    let mut rows = stmt.raw_query();
    while let Some(row) = rows.next().map_err(driver)? {
        let mut values = Vec::with_capacity(columns.len());
        for i in 0..columns.len() {
            values.push(AnyValue { kind: value(row.get_ref(i).map_err(driver)?, i)? });
        }
        out.push(AnyRow { column_names: names.clone(), columns: columns.clone(), values });
    }
    Ok(out)
}

/// Binds as sqlx-sqlite does: a parameter named `$N` (or `?N`) takes the
/// N-th argument wherever it stands in the text; a bare `?` takes the next.
fn bind(stmt: &mut rusqlite::CachedStatement<'_>, arguments: &[AnyValueKind<'_>]) -> Result<(), sqlx::Error> {
    let mut next = 0usize;
    for index in 1..=stmt.parameter_count() {
        let number = match stmt.parameter_name(index) {
            Some(name) => name
                .strip_prefix('$')
                .or_else(|| name.strip_prefix('?'))
                .and_then(|n| n.parse::<usize>().ok())
                .ok_or_else(|| sqlx::Error::Protocol(format!("unsupported SQLite parameter {name}")))?,
            None => {
                next += 1;
                next
            }
        };
        let argument = number
            .checked_sub(1)
            .and_then(|i| arguments.get(i))
            .ok_or_else(|| sqlx::Error::Protocol(format!("no argument for SQLite parameter {number}")))?;
        let result = match argument {
            AnyValueKind::Null(_) => stmt.raw_bind_parameter(index, rusqlite::types::Null),
            AnyValueKind::Bool(b) => stmt.raw_bind_parameter(index, i64::from(*b)),
            AnyValueKind::SmallInt(n) => stmt.raw_bind_parameter(index, i64::from(*n)),
            AnyValueKind::Integer(n) => stmt.raw_bind_parameter(index, i64::from(*n)),
            AnyValueKind::BigInt(n) => stmt.raw_bind_parameter(index, *n),
            AnyValueKind::Real(x) => stmt.raw_bind_parameter(index, f64::from(*x)),
            AnyValueKind::Double(x) => stmt.raw_bind_parameter(index, *x),
            AnyValueKind::Text(t) => stmt.raw_bind_parameter(index, t.as_ref()),
            AnyValueKind::Blob(b) => stmt.raw_bind_parameter(index, b.as_ref()),
            // AnyValueKind is non-exhaustive; a kind sqlx adds later is refused, not guessed.
            #[allow(unreachable_patterns)]
            _ => return Err(sqlx::Error::Protocol(format!("unsupported argument for SQLite parameter {number}"))),
        };
        result.map_err(driver)?;
    }
    Ok(())
}

/// A stored value as sqlx's `Any` driver maps SQLite's: by the value's own type.
fn value(v: ValueRef<'_>, column: usize) -> Result<AnyValueKind<'static>, sqlx::Error> {
    Ok(match v {
        ValueRef::Null => AnyValueKind::Null(AnyTypeInfoKind::Null),
        ValueRef::Integer(n) => AnyValueKind::BigInt(n),
        ValueRef::Real(x) => AnyValueKind::Double(x),
        ValueRef::Text(t) => {
            let text = std::str::from_utf8(t)
                .map_err(|e| sqlx::Error::ColumnDecode { index: column.to_string(), source: Box::new(e) })?;
            AnyValueKind::Text(Cow::Owned(text.to_string()))
        }
        ValueRef::Blob(b) => AnyValueKind::Blob(Cow::Owned(b.to_vec())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::Named;
    use sqlx::{Column, Executor, Row};

    /// A row as comparable text: each column's name and value as sqlx's `Any`
    /// driver holds it. A NULL is shown without the declared type sqlx attaches
    /// to it: decoding only asks whether a value is NULL.
    fn shown(rows: &[AnyRow]) -> Vec<String> {
        rows.iter()
            .map(|r| {
                let cells: Vec<String> = r
                    .columns()
                    .iter()
                    .zip(&r.values)
                    .map(|(c, v)| match v.kind {
                        AnyValueKind::Null(_) => format!("{}=NULL", c.name()),
                        ref kind => format!("{}={kind:?}", c.name()),
                    })
                    .collect();
                cells.join(" ")
            })
            .collect()
    }

    /// The inline path gives exactly the rows sqlx's pool gives for the same
    /// text and arguments: every storage class, NULL, parameters out of order
    /// and repeated, aggregates, and no rows at all.
    #[tokio::test]
    async fn inline_reads_give_the_rows_sqlx_gives() {
        sqlx::any::install_default_drivers();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let pool = sqlx::any::AnyPoolOptions::new()
            .max_connections(1)
            .connect(&format!("sqlite://{}?mode=rwc", path.display()))
            .await
            .unwrap();
        pool.execute("PRAGMA journal_mode = WAL").await.unwrap();
        pool.execute("CREATE TABLE t (a BIGINT NOT NULL, b TEXT NOT NULL, c DOUBLE PRECISION, d BLOB, e TEXT)")
            .await
            .unwrap();
        for (a, b, c, e) in
            [(1, "Ann", Some(1.5), None), (2, "Bea", None, Some("x")), (3, "Émile", Some(-2.25), Some(""))]
        {
            sqlx::query("INSERT INTO t (a, b, c, d, e) VALUES ($1, $2, $3, $4, $5)")
                .bind(a as i64)
                .bind(b)
                .bind(c)
                .bind(vec![a as u8, 0, 255])
                .bind(e)
                .execute(&pool)
                .await
                .unwrap();
        }
        let inline = InlineReaders::open(&path).unwrap();
        let cases: Vec<sqlx::query::Query<'_, sqlx::Any, AnyArguments<'_>>> = vec![
            sqlx::query("SELECT a, b, c, d, e FROM t ORDER BY a"),
            sqlx::query("SELECT a, b FROM t WHERE a >= $1 ORDER BY a DESC").bind(2_i64),
            sqlx::query("SELECT $3 AS third, a FROM t WHERE b = $2 AND a = $1").bind(3_i64).bind("Émile").bind("z"),
            sqlx::query("SELECT a FROM t WHERE a = $1 OR a = $1 + 1 ORDER BY a").bind(1_i64),
            sqlx::query("SELECT COUNT(*) AS n, CAST(SUM(a) AS BIGINT) AS s, MAX(c) AS m FROM t WHERE a <> $1")
                .bind(true),
            sqlx::query("SELECT a FROM t WHERE e IS $1").bind(Option::<String>::None),
            sqlx::query("SELECT a, b FROM t WHERE b = $1").bind("nobody"),
        ];
        for mut query in cases {
            use sqlx::Execute;
            let sql = query.sql();
            let arguments = query.take_arguments().unwrap();
            let expected = {
                let mut again = sqlx::query(sql);
                if let Some(a) = &arguments {
                    for v in &a.values.0 {
                        again = match v {
                            AnyValueKind::BigInt(n) => again.bind(*n),
                            AnyValueKind::Bool(b) => again.bind(*b),
                            AnyValueKind::Text(t) => again.bind(t.to_string()),
                            AnyValueKind::Null(_) => again.bind(Option::<String>::None),
                            other => panic!("unexpected argument {other:?}"),
                        };
                    }
                }
                again.fetch_all(&pool).await.unwrap()
            };
            let got = inline.fetch_all(sql, arguments).unwrap();
            assert_eq!(shown(&got), shown(&expected), "{sql}");
        }
        // Reads by name decode as they do from sqlx's rows.
        let rows = inline.fetch_all("SELECT a, b, c FROM t WHERE a = 1", None).unwrap();
        assert_eq!(rows[0].col::<i64>("a").unwrap(), 1);
        assert_eq!(rows[0].col::<String>("b").unwrap(), "Ann");
        assert_eq!(rows[0].col::<Option<f64>>("c").unwrap(), Some(1.5));
        // …and a name given twice is refused, as from sqlx's rows (row.rs).
        let twice = inline.fetch_all("SELECT a, b AS a FROM t WHERE a = 1", None).unwrap();
        assert!(twice[0].col::<i64>("a").is_err(), "an ambiguous column must not be read");
    }

    /// This path only reads: a write that reached it is refused and changes nothing.
    #[tokio::test]
    async fn inline_reads_refuse_writes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1);")
            .unwrap();
        let inline = InlineReaders::open(&path).unwrap();
        let refused = inline.fetch_all("DELETE FROM t", None);
        assert!(refused.is_err(), "a delete through the read path must fail");
        assert!(inline.fetch_all("SELECT a FROM t WHERE a = $2", None).is_err(), "a missing argument is an error");
        let rows = inline.fetch_all("SELECT COUNT(*) AS n FROM t", None).unwrap();
        assert_eq!(rows[0].col::<i64>("n").unwrap(), 1);
    }
}
