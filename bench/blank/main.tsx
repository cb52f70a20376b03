// The benchmark's floor: an empty Vite + React page built the same way as the app.
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';

function Blank() {
  useEffect(() => {
    performance.mark('solfjadern:fan-drawn');
  }, []);
  return <p>Tom sida</p>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Blank />
  </StrictMode>,
);
