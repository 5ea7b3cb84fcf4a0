import { describe, expect, it } from 'vitest';
import { countryCodeStatus, isCountryCode } from '../src/figures/country-codes.js';

describe('ISO 3166-1 country codes', () => {
  it.each(['DE', 'FR', 'RU', 'CD', 'BY', 'SK'])('accepts the assigned code %s', (code) => {
    expect(countryCodeStatus(code)).toEqual({ state: 'assigned' });
  });

  it('accepts XK, the code in common use for Kosovo', () => expect(isCountryCode('XK')).toBe(true));

  it.each(['SU', 'YU', 'CS', 'DD', 'AN', 'ZR'])('knows %s as withdrawn', (code) => {
    expect(countryCodeStatus(code).state).toBe('withdrawn');
  });

  it('names what a withdrawn code stood for and what replaced it', () => {
    expect(countryCodeStatus('ZR')).toEqual({
      state: 'withdrawn',
      history: [{ name: 'Zaire', successors: [{ code: 'CD', name: 'Congo, Democratic Republic of the', withdrawn: false }] }],
    });
  });

  it.each(['XX', 'UK', 'EU', 'CQ', 'ZZ', 'QO', 'de', 'DEU'])('rejects %s, which no country is assigned', (code) => {
    expect(countryCodeStatus(code)).toEqual({ state: 'unassigned' });
  });
});
