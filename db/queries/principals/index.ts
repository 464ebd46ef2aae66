// The principal queries, one per file; this index keeps `db/queries/principals` imports working.
export { PRINCIPAL_SORTS, EXPOSURES, principalListQuerySchema, parsePrincipalListQuery, directionOf, type PrincipalSort, type PrincipalListQuery } from '../../../lib/principals/search-params';
export type { PrincipalListRow } from './list-conditions';
export { listPrincipals } from './list-principals';
export { iteratePrincipalsForExport } from './iterate-principals-for-export';
export { listPrincipalOwners } from './list-principal-owners';
export { getPrincipalDetail, type PrincipalDetail } from './get-principal-detail';
export { listPrincipalEntitlements, type PrincipalEntitlement, type PrincipalGrantStatement } from './list-principal-entitlements';
export type { StoredGrantAction } from '../grant-actions';
export { listPrincipalConflicts, parseConflictSide, type ConflictSideGrant, type PrincipalConflict } from './list-principal-conflicts';
export { getPrincipalHistory, type PrincipalHistoryPoint } from './get-principal-history';
