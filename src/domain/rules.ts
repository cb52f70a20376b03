// A broken rule of the plan, of voting or of a collection: its message is Swedish and shown
// as it is; the step that broke it changes nothing.
export class RuleError extends Error {
  override name = 'RuleError';
}
