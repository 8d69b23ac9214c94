import { describe, expect, it } from '@jest/globals';
import { parseApiKeys } from '#runtime';
import { changeRefusal, ownerOf, sourceRefusal, type StoryOwner } from './ownership-rules.js';

const secret = (n: number) => `secret-${n}-0123456789abcdef`;
const [politique, sport, rival, wires, deskWithWire, ops] = parseApiKeys(
  [
    `politique:${secret(1)}:submit+correct+kill:lemonde`,
    `sport:${secret(2)}:submit:lemonde`,
    `rival:${secret(3)}:submit+correct+kill:lefigaro`,
    `wires:${secret(4)}:wire`,
    `desk-wire:${secret(5)}:submit+wire:lemonde`,
    `ops:${secret(6)}:admin`,
  ].join(','),
);

const editorStory: StoryOwner = ownerOf(politique!, 'submit');
const agencyCopy: StoryOwner = ownerOf(wires!, 'wire');

describe('changeRefusal', () => {
  it.each([
    ['an editor story', editorStory, 'politique (same key)', politique, true],
    ['an editor story', editorStory, 'sport (same newsroom, other key)', sport, true],
    ['an editor story', editorStory, 'rival (other newsroom)', rival, false],
    ['an editor story', editorStory, 'wires (wire scope, other newsroom)', wires, false],
    ['an editor story', editorStory, 'ops (admin)', ops, true],
    ['agency copy', agencyCopy, 'politique (submit only)', politique, false],
    ['agency copy', agencyCopy, 'rival (submit only)', rival, false],
    ['agency copy', agencyCopy, 'desk-wire (submit and wire)', deskWithWire, true],
    ['agency copy', agencyCopy, 'wires (wire)', wires, true],
    ['agency copy', agencyCopy, 'ops (admin)', ops, true],
    ['a story with no recorded owner', undefined, 'politique', politique, false],
    ['a story with no recorded owner', undefined, 'wires', wires, false],
    ['a story with no recorded owner', undefined, 'ops (admin)', ops, true],
  ] as const)('%s, changed by %s: allowed %s', (_story, owner, _who, caller, allowed) => {
    expect(changeRefusal(owner, caller!) === undefined).toBe(allowed);
  });

  it('says why, naming the newsroom or the scope missing', () => {
    expect(changeRefusal(editorStory, rival!)).toBe('The story belongs to the newsroom "lemonde", not to "lefigaro" of the key "rival".');
    expect(changeRefusal(agencyCopy, sport!)).toMatch(/agency copy: changing it needs the "wire" scope/);
  });

  it('records the key, the scope it came in with and its newsroom; a key without a newsroom is its own', () => {
    expect(ownerOf(sport!, 'submit')).toEqual({ key: 'sport', scope: 'submit', newsroom: 'lemonde' });
    expect(ownerOf(wires!, 'wire')).toEqual({ key: 'wires', scope: 'wire', newsroom: 'wires' });
  });
});

describe('sourceRefusal', () => {
  it.each([
    ['no source', undefined, politique, true],
    ['its own newsroom', 'lemonde', politique, true],
    ['an agency name', 'afp', politique, false],
    ["another key's idempotency namespace", 'idempotency-key:sport', sport, false],
    ['another newsroom', 'lemonde', rival, false],
    ['an agency name, from a key with the wire scope', 'afp', wires, true],
    ['anything, for admin', 'afp', ops, true],
  ])('%s: allowed %s', (_what, source, caller, allowed) => {
    expect(sourceRefusal(source, caller!) === undefined).toBe(allowed);
  });
});
