import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem, type ApiClient } from '../api';
import { I18n, translator } from '../i18n';
import { SubscriberForm } from './SubscriberForm';

const renderForm = (subscribers: ApiClient['subscribers'], onCreated = vi.fn()) => {
  const api = { subscribers } as unknown as ApiClient;
  render(
    <I18n.Provider value={{ t: translator('en'), locale: 'en' }}>
      <SubscriberForm api={api} onCreated={onCreated} />
    </I18n.Provider>,
  );
  return onCreated;
};

describe('SubscriberForm', () => {
  afterEach(cleanup);

  it('registers what was typed and hands the answer (with its secret) on, then empties itself', async () => {
    const created = { id: 'a1', name: 'Partner', secret: 'whsec_c2VjcmV0' };
    const subscribers = vi.fn(async () => created) as unknown as ApiClient['subscribers'];
    const onCreated = renderForm(subscribers);
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Partner' } });
    fireEvent.input(screen.getByLabelText('Endpoint'), { target: { value: 'https://partner.example/hook' } });
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'newsml-g2' } });
    fireEvent.click(screen.getByLabelText('updated'));
    fireEvent.input(screen.getByLabelText('Languages'), { target: { value: 'fr, en' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add subscriber' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(created));
    expect(subscribers).toHaveBeenCalledWith('POST', '/v1/subscribers', {
      name: 'Partner',
      url: 'https://partner.example/hook',
      format: 'newsml-g2',
      filter: { events: ['published', 'corrected', 'killed'], languages: ['fr', 'en'] },
    });
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('');
  });

  it("puts the API's reasons beside their fields, the filter's too", async () => {
    const subscribers = vi.fn(async () => {
      throw new ApiProblem(400, 'Invalid request', 'The subscriber has invalid fields.', [
        { field: 'url', reason: 'must be an http or https URL' },
        { field: 'filter/languages/0', reason: 'must match pattern "^[A-Za-z]{2,3}$"' },
        { field: 'filter/events', reason: 'must NOT have fewer than 1 items' },
      ]);
    }) as unknown as ApiClient['subscribers'];
    const onCreated = renderForm(subscribers);
    fireEvent.click(screen.getByRole('button', { name: 'Add subscriber' }));
    await waitFor(() => expect(document.getElementById('sub-url-error')?.textContent).toBe('must be an http or https URL'));
    expect(document.getElementById('sub-languages-error')?.textContent).toBe('must match pattern "^[A-Za-z]{2,3}$"');
    expect(document.getElementById('sub-events-error')?.textContent).toBe('must NOT have fewer than 1 items');
    expect(screen.getByLabelText('Languages').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('400');
    expect(onCreated).not.toHaveBeenCalled();
  });
});
