import { actionData, CARD_SCHEMA_VERSION, readCardAction } from '../../src/cards/actionData';

describe('card action data', () => {
  it('carries verb and schema version, and drops undefined fields (also inside the list context)', () => {
    expect(actionData('actionDetails', { controlId: 'AdminMFAV2', from: { view: 'actions', order: 'rank', category: undefined } })).toEqual({
      verb: 'actionDetails',
      v: CARD_SCHEMA_VERSION,
      controlId: 'AdminMFAV2',
      from: { view: 'actions', order: 'rank' },
    });
    expect(JSON.stringify(actionData('score', {}))).toBe('{"verb":"score","v":1}');
  });

  it('reads current data, recognises a card from another schema version, and refuses the rest', () => {
    expect(readCardAction({ verb: 'saveNote', v: 1, controlId: 'X', noteText: 'hi' })).toEqual({ kind: 'current', data: { verb: 'saveNote', v: 1, controlId: 'X', noteText: 'hi' } });
    expect(readCardAction({ verb: 'saveNote', controlId: 'X' })).toEqual({ kind: 'stale', verb: 'saveNote', version: undefined });
    expect(readCardAction({ verb: 'trend', v: 0, days: 7 })).toEqual({ kind: 'stale', verb: 'trend', version: 0 });
    expect(readCardAction('score')).toEqual({ kind: 'invalid', reason: 'data is not an object' });
    expect(readCardAction({ verb: 'dropTables', v: 1 })).toEqual({ kind: 'invalid', reason: 'unknown verb' });
    expect(readCardAction({ verb: 'actionDetails', v: 1 })).toEqual({ kind: 'invalid', reason: 'missing or bad controlId' });
    expect(readCardAction({ verb: 'backToList', v: 1 })).toEqual({ kind: 'invalid', reason: 'missing list context' });
    expect(readCardAction({ verb: 'ask', v: 1, text: 'x'.repeat(501) })).toEqual({ kind: 'invalid', reason: 'missing question text' });
  });
});
