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

// The part of the app that holds the plan's document loads after the first paint in the app
// (src/store/engine.ts); tests have it from the start, so every call runs at once.
const { engineStarted } = await import('../src/store/editor');
engineStarted(await import('../src/store/engine'));
