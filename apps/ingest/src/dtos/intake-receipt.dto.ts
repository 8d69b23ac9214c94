/** The answer to a submission: where to follow the article. */
export interface IntakeReceipt {
  id: string;
  status: 'received' | 'duplicate';
  statusUrl: string;
  correlationId: string;
}
