// Unit tests run without a browser: give Dexie an in-memory IndexedDB.
import 'fake-indexeddb/auto';
