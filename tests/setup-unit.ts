// Unit tests run without a browser: give Dexie an in-memory IndexedDB.
import 'fake-indexeddb/auto';

// jsdom has <dialog> without showModal/close: enough of them for component tests.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
}
