import { describe, expect, it } from 'vitest';
import { awayText, lastSeenAfter, type Peer } from './roomState';

const peer = (clientId: number, name: string, self = false): Peer => ({ clientId, name, color: '#1f5fa8', activity: null, self });

describe('who is last seen while the connection is away', () => {
  it('those who went from view are last seen; those back are not; this person never is', () => {
    const anna = peer(1, 'Anna', true);
    const bo = peer(2, 'Bo');
    const cia = peer(3, 'Cia');
    const away = lastSeenAfter([], [anna, bo, cia], [anna], 1000);
    expect(away).toEqual([
      { name: 'Bo', color: '#1f5fa8', at: 1000 },
      { name: 'Cia', color: '#1f5fa8', at: 1000 },
    ]);
    expect(awayText(away)).toBe('Dina ändringar sparas på den här datorn och delas med Bo och Cia när anslutningen är tillbaka.');
    // Bo comes back (a new client id after a reload): no longer last seen.
    expect(lastSeenAfter(away, [anna], [anna, peer(7, 'Bo')], 2000).map((p) => p.name)).toEqual(['Cia']);
    expect(awayText([])).toMatch(/delas med rummet när anslutningen är tillbaka/);
  });
});
