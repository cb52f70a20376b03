// Who made a change of a plan's document (a transaction's origin): storage and the write-ahead
// log follow it. This window's own edits are tracked for undo; what came from storage or from
// another tab is not written again (it is stored already, or the other tab stores it).
export const LOCAL = 'solfjadern:local';
export const LOAD = 'solfjadern:load';
export const TAB = 'solfjadern:tab';

/** Whether a change with this origin still has to be written to this browser's storage. */
export const mustStore = (origin: unknown): boolean => origin !== LOAD && origin !== TAB;

/** A repair this window writes back into a document a peer damaged (its plan id): stored and sent, never undone. */
export const REPAIR = 'solfjadern:repair';

/** A document of an older format brought to this build's (./format.ts): stored and sent, never undone. */
export const MIGRATE = 'solfjadern:migrate';
