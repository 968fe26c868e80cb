import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createTransport } from './api/transport';
import { App } from './app/app';
import './print.css';

const transport = createTransport();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App transport={transport} />
  </StrictMode>,
);
