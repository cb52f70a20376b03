// Review comments on an item: who, when, what. A comment is saved at once (one undoable
// step); the commenter's name is asked once and remembered on this device.
import { LIMITS } from '../domain/limits';
import { useRef, useState } from 'react';
import { MAX_COMMENT_LENGTH, type Item } from '../domain/types';
import { addComment, removeComment } from '../store/actions';
import { rememberAuthor, rememberedAuthor } from '../store/author';
import { useEditor } from '../store/editor';

const when = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short' });

export function ItemComments({ item }: { item: Item }) {
  const [author, setAuthor] = useState(rememberedAuthor);
  const [naming, setNaming] = useState(() => rememberedAuthor() === '');
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const nameRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);

  const add = () => {
    if (!author.trim()) {
      setError('Skriv ditt namn innan du kommenterar.');
      nameRef.current?.focus();
      return;
    }
    if (!text.trim()) {
      setError('Skriv en kommentar.');
      textRef.current?.focus();
      return;
    }
    if (addComment(item.id, author, text)) {
      rememberAuthor(author);
      setNaming(false);
      setText('');
      setError('');
      textRef.current?.focus();
    } else {
      setError(useEditor.getState().notice?.text ?? 'Kommentaren kunde inte läggas till.');
    }
  };

  return (
    <section className="comments" aria-labelledby="comments-heading">
      <h3 id="comments-heading">Kommentarer ({item.comments.length})</h3>
      <p className="help">En kommentar sparas direkt när du lägger till den.</p>
      {item.comments.length === 0 ? (
        <p className="help">Inga kommentarer ännu.</p>
      ) : (
        <ol className="comment-list">
          {item.comments.map((c) => (
            <li key={c.id}>
              <p className="comment-meta">
                <strong>{c.author}</strong>, <time dateTime={c.at}>{when.format(new Date(c.at))}</time>
              </p>
              <p className="comment-text">{c.text}</p>
              <button type="button" className="link-button" onClick={() => removeComment(item.id, c.id)}>
                Ta bort kommentaren<span className="sr-only"> från {c.author}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {naming ? (
        <div className="field">
          <label htmlFor="comment-author">Ditt namn</label>
          <input
            id="comment-author"
            ref={nameRef}
            value={author}
            maxLength={LIMITS.author}
            autoComplete="name"
            aria-describedby="comment-author-help"
            onChange={(e) => setAuthor(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                textRef.current?.focus();
              }
            }}
          />
          <p id="comment-author-help" className="help">
            Sparas på den här datorn, så att du bara behöver skriva det en gång.
          </p>
        </div>
      ) : (
        <p className="help">
          Du kommenterar som <strong>{author}</strong>.{' '}
          <button type="button" className="link-button" onClick={() => setNaming(true)}>
            Byt namn
          </button>
        </p>
      )}
      <label htmlFor="comment-text">Ny kommentar</label>
      <textarea
        id="comment-text"
        ref={textRef}
        rows={2}
        maxLength={MAX_COMMENT_LENGTH}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'comment-error' : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      {error && (
        <p id="comment-error" className="field-error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="button" onClick={add}>
          Lägg till kommentar
        </button>
      </div>
    </section>
  );
}
