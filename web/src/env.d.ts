// Vite handles CSS imports; tell the type checker they exist.
declare module '*.css';
