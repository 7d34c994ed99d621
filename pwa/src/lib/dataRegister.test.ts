import { describe, expect, it } from 'vitest';
import { fileSize, registerCsv, registerJson } from './dataRegister';

const HEADINGS = { data: 'Données', purpose: 'Finalité', seenBy: 'Qui voit', retention: 'Durée', recipients: 'Destinataires' };
const ENTRY = {
  key: 'notifications',
  data: 'Notifications reçues',
  purpose: 'Prévenir; informer',
  seenBy: ['la personne elle-même'],
  retention: '180 jours',
  recipients: ['services push : contenu "chiffré"', 'relais SMTP'],
};

describe('registerCsv', () => {
  it('writes one line per kind, semicolon-separated, quoting what needs it', () => {
    const csv = registerCsv([ENTRY], HEADINGS);
    expect(csv.startsWith('\uFEFFDonnées;Finalité;Qui voit;Durée;Destinataires\r\n')).toBe(true);
    expect(csv).toContain('Notifications reçues;"Prévenir; informer";la personne elle-même;180 jours;');
    expect(csv).toContain('"services push : contenu ""chiffré"" | relais SMTP"');
  });
});

describe('registerJson', () => {
  it('keeps every field and the time it was made', () => {
    const parsed = JSON.parse(registerJson([ENTRY], { generatedAt: '2026-12-06T13:00:00Z' }));
    expect(parsed.entries[0]).toEqual(ENTRY);
    expect(parsed.generatedAt).toBe('2026-12-06T13:00:00Z');
  });
});

describe('fileSize', () => {
  it('says sizes in each language', () => {
    expect(fileSize(512, 'fr-FR')).toBe('512 o');
    expect(fileSize(1536, 'fr-FR')).toBe('1,5 Ko');
    expect(fileSize(1536, 'en')).toBe('1.5 KB');
    expect(fileSize(20 * 1024 * 1024, 'en')).toBe('20 MB');
  });
});
