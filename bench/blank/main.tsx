// The benchmark's floor: an empty Vite + React page built the same way as the app.
import { StrictMode, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';

function Blank() {
  // The moment the app marks: its content is in the page, to be painted in this frame.
  useLayoutEffect(() => {
    performance.mark('solfjadern:fan-drawn');
  }, []);
  return <p>Tom sida</p>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Blank />
  </StrictMode>,
);
