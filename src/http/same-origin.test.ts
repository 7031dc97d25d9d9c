import { describe, expect, it } from 'vitest';
import { foreignRequest, type RequestOrigin } from './same-origin.ts';

const OWN = ['https://kept.example.com'];
const post = (headers: Partial<RequestOrigin>): RequestOrigin => ({
  method: 'POST',
  secFetchSite: undefined,
  origin: undefined,
  host: 'kept.example.com',
  ...headers,
});

describe('foreignRequest', () => {
  it('never refuses a request that changes nothing', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) {
      const request = { ...post({ secFetchSite: 'cross-site', origin: 'https://evil.test' }), method };
      expect(foreignRequest(request, OWN)).toBeNull();
    }
  });

  it("trusts the browser's Sec-Fetch-Site: only Kept's own pages or the user's own typing", () => {
    expect(foreignRequest(post({ secFetchSite: 'same-origin' }), OWN)).toBeNull();
    expect(foreignRequest(post({ secFetchSite: 'none' }), OWN)).toBeNull();
    const crossSite = foreignRequest(post({ secFetchSite: 'cross-site' }), OWN);
    expect(crossSite).toEqual({ header: 'Sec-Fetch-Site', value: 'cross-site' });
    expect(foreignRequest(post({ secFetchSite: 'same-site', origin: 'https://blog.example.com' }), OWN)).toEqual({
      header: 'Sec-Fetch-Site',
      value: 'same-site',
    });
  });

  it('accepts the public origin even where a proxy rewrote the Host', () => {
    const request = post({ secFetchSite: 'same-site', origin: 'https://kept.example.com', host: '10.0.0.5:3000' });
    expect(foreignRequest(request, OWN)).toBeNull();
  });

  it('without Sec-Fetch-Site, compares Origin with the Host the request was sent to', () => {
    expect(foreignRequest(post({ origin: 'https://kept.example.com' }), [])).toBeNull();
    expect(foreignRequest(post({ origin: 'http://localhost', host: 'localhost:80' }), [])).toBeNull();
    expect(foreignRequest(post({ origin: 'http://localhost:3000', host: 'localhost:3000' }), [])).toBeNull();
    const otherPort = foreignRequest(post({ origin: 'http://localhost:3001', host: 'localhost:3000' }), []);
    expect(otherPort).toEqual({ header: 'Origin', value: 'http://localhost:3001' });
    const evil = foreignRequest(post({ origin: 'https://evil.test' }), OWN);
    expect(evil).toEqual({ header: 'Origin', value: 'https://evil.test' });
    expect(foreignRequest(post({ origin: 'null' }), OWN)).toEqual({ header: 'Origin', value: 'null' });
    expect(foreignRequest(post({ origin: 'https://kept.example.com/path' }), [])).not.toBeNull();
  });

  it('lets clients that are not browsers through: they send neither header', () => {
    expect(foreignRequest(post({}), OWN)).toBeNull();
  });
});
