import { expect } from 'chai';
import { loadConfig } from '../../../server/src/core/config.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  ADMIN_PASSWORD: 'Quan-tri-Ba-Dinh-2026',
  PUBLIC_URL: 'https://motcua.example.gov.vn/',
};

describe('configuration', () => {
  it('should refuse a weak ADMIN_PASSWORD in production with a message naming it', () => {
    expect(() => loadConfig({ ...PRODUCTION, ADMIN_PASSWORD: 'a' })).to.throw(
      /ADMIN_PASSWORD is refused in production: a password needs at least 12 characters/,
    );
    expect(() => loadConfig({ ...PRODUCTION, ADMIN_PASSWORD: 'Password2026!' })).to.throw(/common passwords/);
  });

  it('should require PUBLIC_URL in production, and keep the request-origin fallback elsewhere', () => {
    expect(() => loadConfig({ ...PRODUCTION, PUBLIC_URL: '' })).to.throw(
      /NODE_ENV=production requires PUBLIC_URL/,
    );
    expect(() => loadConfig({ ...PRODUCTION, PUBLIC_URL: 'motcua.example.gov.vn' })).to.throw(
      /PUBLIC_URL is not a URL/,
    );
    expect(loadConfig(PRODUCTION).publicUrl).to.equal('https://motcua.example.gov.vn');
    expect(loadConfig({}).publicUrl).to.equal(null);
  });

  it('should leave the demo admin password alone outside production, and mark a given one', () => {
    expect(loadConfig({})).to.deep.include({ adminPassword: 'admin123', adminPasswordGiven: false });
    expect(loadConfig({ ADMIN_PASSWORD: 'abc' })).to.deep.include({
      adminPassword: 'abc',
      adminPasswordGiven: true,
    });
  });

  it('should default sessions to 60 idle minutes and 10 hours, and read the variables', () => {
    expect(loadConfig({}).sessions).to.deep.equal({ idleMinutes: 60, maxHours: 10 });
    expect(loadConfig({ SESSION_IDLE_MINUTES: '15', SESSION_MAX_HOURS: '8' }).sessions).to.deep.equal({
      idleMinutes: 15,
      maxHours: 8,
    });
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: 'x' })).to.throw(/SESSION_IDLE_MINUTES/);
  });
});
