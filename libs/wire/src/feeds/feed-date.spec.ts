import { describe, it, expect } from '@jest/globals';
import { feedDate } from './feed-date.js';

describe('feedDate', () => {
  it.each([
    ['Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00.000Z'],
    ['Sat, 18 May 2019 10:52:50 +0300', '2019-05-18T07:52:50.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 EDT', '2003-06-10T08:00:00.000Z'],
    ['Wed, 02 Oct 2002 13:00:00 CEST', '2002-10-02T11:00:00.000Z'],
    ['03 Apr 02 1500 GMT', '2002-04-03T15:00:00.000Z'],
    ['Tue, 21 Nov 2023 09:00:00 Z', '2023-11-21T09:00:00.000Z'],
    ['2019-05-18 10:58:46 +0300', '2019-05-18T07:58:46.000Z'],
    ['2024-01-31T10:00:00.123-05:00', '2024-01-31T15:00:00.000Z'],
    ['2025-02-26T16:42:45Z', '2025-02-26T16:42:45.000Z'],
    ['Sat, Dec 14 2019 10:23:11 PM', '2019-12-14T22:23:11.000Z'],
    ['  Mon, 01 Jan 2024\n 08:00:00 GMT ', '2024-01-01T08:00:00.000Z'],
  ])('reads %j', (raw, iso) => {
    expect(feedDate(raw)).toBe(iso);
  });

  it.each([[undefined], [''], ['yesterday-ish'], ['Fri, 05/03/2019 - 15:21 XYZ'], ['31 Foo 2020 10:00 GMT']])(
    'gives undefined for %j',
    (raw) => {
      expect(feedDate(raw)).toBeUndefined();
    },
  );
});
