// Where an item stands in review, as small tags beside its text in Inspel and Tabell: the same
// marks as the fan (✓ Δ ✕ ❝), with the word beside them, so they read in greyscale and aloud.
import { COMMENT_MARK, STATUS_MARK } from '../domain/review';
import { STATUS_LABEL, type Item } from '../domain/types';

/** Whether an item has a tag to show (a status other than Förslag, or comments). */
export const hasReviewTags = (item: Pick<Item, 'status' | 'comments'>): boolean => item.status !== 'forslag' || item.comments.length > 0;

export function ReviewTags({ item }: { item: Pick<Item, 'status' | 'comments'> }) {
  const n = item.comments.length;
  return (
    <>
      {item.status !== 'forslag' && (
        <span className={`tag tag-status is-${item.status}`}>
          <span aria-hidden="true">{STATUS_MARK[item.status]} </span>
          {STATUS_LABEL[item.status]}
        </span>
      )}
      {n > 0 && (
        <span className="tag tag-comments">
          <span aria-hidden="true">{COMMENT_MARK}</span>
          {n}
          <span className="sr-only"> {n === 1 ? 'kommentar' : 'kommentarer'}</span>
        </span>
      )}
    </>
  );
}
