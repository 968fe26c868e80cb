import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served both from app:// (Electron) and http://127.0.0.1 (browser mode),
// so asset URLs are relative (base './') and routing uses the hash.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
