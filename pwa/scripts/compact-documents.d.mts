import type { Plugin } from 'vite';

export function compactDocument(text: string): string;
export function compactGeneratedModule(code: string): string;
export function compactDocuments(): Plugin;
