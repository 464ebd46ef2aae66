// The one write-transaction helper lives in db/write-transaction.ts; this path stays for callers that still import it here.
export { inWriteTransaction } from '../../write-transaction';
