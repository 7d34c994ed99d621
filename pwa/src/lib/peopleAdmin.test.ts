import { describe, expect, it } from 'vitest';
import { grantableRoles, pastedAddresses } from './peopleAdmin';

describe('grantableRoles', () => {
  it('never goes above the viewer’s own role', () => {
    expect(grantableRoles('ADMIN')).toEqual(['MEMBER', 'MANAGER', 'ADMIN']);
    expect(grantableRoles('MANAGER')).toEqual(['MEMBER', 'MANAGER']);
    expect(grantableRoles('MEMBER')).toEqual(['MEMBER']);
  });
});

describe('pastedAddresses', () => {
  it('takes addresses one per line or separated by commas and semicolons, each once', () => {
    expect(pastedAddresses('lea@elan.example\nTom@Elan.example, lea@elan.example;  nina@elan.example\n\n')).toEqual({
      emails: ['lea@elan.example', 'tom@elan.example', 'nina@elan.example'],
      invalid: [],
    });
  });

  it('reads « Name <address> » as a mail client copies it, and names what is not an address', () => {
    expect(pastedAddresses('Léa Martin <lea@elan.example>, pas une adresse, tom@')).toEqual({
      emails: ['lea@elan.example'],
      invalid: ['pas une adresse', 'tom@'],
    });
  });
});
