//! Reading columns by name, safely.
//!
//! A row read by name must not hold that name twice: sqlx answers with one of
//! the duplicates, and which one is an accident of the select list. That is how
//! a join of sessions and users once read the *user's* `created_at` as the
//! session's, ending every sign-in of an account older than the session
//! lifetime. Every read by name in this crate goes through [`Named::col`],
//! which refuses an ambiguous name; `clippy.toml` forbids `Row::try_get` here so
//! the unchecked path cannot come back.

use sqlx::any::AnyRow;
use sqlx::{Any, Column, Decode, Row, Type};

pub trait Named {
    /// The column `name`, decoded; an error if the row has no such column or
    /// has it more than once.
    fn col<'r, T>(&'r self, name: &str) -> Result<T, sqlx::Error>
    where
        T: Decode<'r, Any> + Type<Any>;
}

impl Named for AnyRow {
    fn col<'r, T>(&'r self, name: &str) -> Result<T, sqlx::Error>
    where
        T: Decode<'r, Any> + Type<Any>,
    {
        let mut matches = self.columns().iter().filter(|c| c.name() == name).map(|c| c.ordinal());
        let Some(index) = matches.next() else {
            return Err(sqlx::Error::ColumnNotFound(name.to_string()));
        };
        if matches.next().is_some() {
            return Err(sqlx::Error::ColumnDecode {
                index: name.to_string(),
                source: format!("the row holds column {name:?} more than once; alias one of them").into(),
            });
        }
        #[allow(clippy::disallowed_methods)]
        self.try_get(index)
    }
}
