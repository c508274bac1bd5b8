//! The bulky things that would crowd localStorage's quota live in IndexedDB
//! (through rexie): the files received from other units for the roll-up,
//! and snapshots of the workspace kept before an import or a migration.
//! Each value is stored as the text of its document, keyed by id.

use rexie::{ObjectStore, Rexie, TransactionMode};
use wasm_bindgen::JsValue;

use super::storage::StoreError;
use crate::domain::rollup::Received;
use crate::format::rollup::{decode_received, encode_received};
use crate::format::LoadError;

const RECEIVED: &str = "received";
const SNAPSHOTS: &str = "snapshots";
const VERSION: u32 = 1;

/// The snapshot kept before the last import, for undo.
pub const BEFORE_IMPORT: &str = "before-import";
/// The roll-up summary's header and signature fields.
pub const ROLLUP_DOCUMENT: &str = "rollup-document";
/// The stored text kept before a migration rewrote it.
pub const BEFORE_MIGRATION: &str = "before-migration";

/// One IndexedDB database of this app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Archive {
    name: String,
}

impl Default for Archive {
    fn default() -> Self {
        Archive::named("antq")
    }
}

fn classify(error: rexie::Error) -> StoreError {
    let text = match &error {
        rexie::Error::IdbError(inner) => inner.to_string(),
        other => other.to_string(),
    };
    if text.contains("Quota") {
        StoreError::Quota
    } else if text.contains("InvalidState") || text.contains("Security") {
        StoreError::Unavailable
    } else {
        StoreError::Other(text)
    }
}

/// What was on the shelf, and the stored records that could not be read.
pub struct Shelved {
    pub records: Vec<Received>,
    pub unreadable: Vec<(String, LoadError)>,
}

impl Archive {
    /// A database of that name (tests use their own).
    pub fn named(name: &str) -> Archive {
        Archive {
            name: name.to_owned(),
        }
    }

    async fn open(&self) -> Result<Rexie, StoreError> {
        Rexie::builder(&self.name)
            .version(VERSION)
            .add_object_store(ObjectStore::new(RECEIVED))
            .add_object_store(ObjectStore::new(SNAPSHOTS))
            .build()
            .await
            .map_err(classify)
    }

    async fn write(
        &self,
        store: &str,
        puts: Vec<(String, String)>,
        deletes: &[String],
    ) -> Result<(), StoreError> {
        let db = self.open().await?;
        let result =
            async {
                let tx = db
                    .transaction(&[store], TransactionMode::ReadWrite)
                    .map_err(classify)?;
                let handle = tx.store(store).map_err(classify)?;
                for id in deletes {
                    handle
                        .delete(JsValue::from_str(id))
                        .await
                        .map_err(classify)?;
                }
                handle
                    .put_all(puts.into_iter().map(|(key, text)| {
                        (JsValue::from_str(&text), Some(JsValue::from_str(&key)))
                    }))
                    .await
                    .map_err(classify)?;
                tx.done().await.map_err(classify)?;
                Ok(())
            }
            .await;
        db.close();
        result
    }

    /// Every received record. IndexedDB gives them sorted by id; the caller
    /// orders them (by the time received).
    pub async fn load_received(&self) -> Result<Shelved, StoreError> {
        let db = self.open().await?;
        let result = async {
            let tx = db
                .transaction(&[RECEIVED], TransactionMode::ReadOnly)
                .map_err(classify)?;
            let store = tx.store(RECEIVED).map_err(classify)?;
            let keys = store.get_all_keys(None, None).await.map_err(classify)?;
            let values = store.get_all(None, None).await.map_err(classify)?;
            let mut shelved = Shelved {
                records: Vec::new(),
                unreadable: Vec::new(),
            };
            // Each record's text is read and dropped in turn, and its set
            // shared as it is read: memory holds the records, one set each.
            let mut pool = crate::domain::rollup::SetPool::default();
            for (key, value) in keys.into_iter().zip(values) {
                let key = key.as_string().unwrap_or_default();
                match value.as_string() {
                    Some(text) => match decode_received(&text) {
                        Ok(mut record) => {
                            pool.share(&mut record);
                            shelved.records.push(record)
                        }
                        Err(error) => shelved.unreadable.push((key, error)),
                    },
                    None => shelved
                        .unreadable
                        .push((key, LoadError::NotOurs { found: None })),
                }
            }
            Ok(shelved)
        }
        .await;
        db.close();
        result
    }

    /// Stores records (added or changed) and removes others, in one transaction.
    pub async fn store_received(
        &self,
        put: &[&Received],
        remove: &[String],
    ) -> Result<(), StoreError> {
        let puts = put
            .iter()
            .map(|r| (r.id.clone(), encode_received(r)))
            .collect();
        self.write(RECEIVED, puts, remove).await
    }

    /// Keeps a snapshot's text under `key`, replacing the one before.
    pub async fn put_snapshot(&self, key: &str, text: &str) -> Result<(), StoreError> {
        self.write(SNAPSHOTS, vec![(key.to_owned(), text.to_owned())], &[])
            .await
    }

    pub async fn snapshot(&self, key: &str) -> Result<Option<String>, StoreError> {
        let db = self.open().await?;
        let result = async {
            let tx = db
                .transaction(&[SNAPSHOTS], TransactionMode::ReadOnly)
                .map_err(classify)?;
            let store = tx.store(SNAPSHOTS).map_err(classify)?;
            let value = store.get(JsValue::from_str(key)).await.map_err(classify)?;
            Ok(value.and_then(|v| v.as_string()))
        }
        .await;
        db.close();
        result
    }

    pub async fn remove_snapshot(&self, key: &str) -> Result<(), StoreError> {
        self.write(SNAPSHOTS, Vec::new(), &[key.to_owned()]).await
    }

    /// Deletes the whole database (tests start clean).
    pub async fn delete(&self) -> Result<(), StoreError> {
        Rexie::delete(&self.name).await.map_err(classify)
    }
}
