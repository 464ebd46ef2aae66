#!/usr/bin/env bash
# Writes the Identity Center file (identity-center.json) that `npm run cli -- scan --from DIR`
# reads: the instance, the identity store's users, groups and memberships, every permission set
# with its policies, and every account assignment. Format: scanners/offline/FORMAT.md.
# Run it with credentials of the management account or the Identity Center delegated
# administrator, in the instance's region, read-only:
#   sso:ListInstances, sso:ListPermissionSets, sso:DescribePermissionSet,
#   sso:GetInlinePolicyForPermissionSet, sso:ListManagedPoliciesInPermissionSet,
#   sso:ListCustomerManagedPolicyReferencesInPermissionSet, sso:GetPermissionsBoundaryForPermissionSet,
#   sso:ListAccountsForProvisionedPermissionSet, sso:ListAccountAssignments,
#   identitystore:ListUsers, identitystore:ListGroups, identitystore:ListGroupMemberships
#
# Usage: scripts/export-identity-center.sh [OUTPUT_FILE] [INSTANCE_ARN]   (default: identity-center.json;
#        the only instance the account sees when INSTANCE_ARN is left out)
# Needs: aws (v2), jq. Honours AWS_PROFILE / AWS_REGION as the AWS CLI does.
set -euo pipefail

output_file="${1:-identity-center.json}"
instance_arn="${2:-}"

# shellcheck source=scripts/export-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/export-common.sh"

# The CLI paginates list calls by itself; JSON output regardless of the user's default format.
sso() { aws sso-admin "$@" --output json; }
store() { aws identitystore "$@" --output json; }

echo "Reading the Identity Center instance..." >&2
instances="$(sso list-instances)"
if [[ -z "$instance_arn" ]]; then
  count="$(jq '.Instances | length' <<<"$instances")"
  if [[ "$count" != 1 ]]; then
    echo "error: this account sees $count Identity Center instances here; pass the instance ARN as the second argument (or check AWS_REGION)" >&2
    exit 1
  fi
  instance_arn="$(jq -r '.Instances[0].InstanceArn' <<<"$instances")"
fi
identity_store_id="$(jq -r --arg arn "$instance_arn" '.Instances[] | select(.InstanceArn == $arn) | .IdentityStoreId' <<<"$instances")"
[[ -n "$identity_store_id" ]] || { echo "error: instance $instance_arn not found" >&2; exit 1; }

echo "Reading permission sets..." >&2
: >"$work_dir/sets.jsonl"
: >"$work_dir/assignments.jsonl"
while IFS= read -r set_arn; do
  [[ -z "$set_arn" ]] && continue
  described="$(sso describe-permission-set --instance-arn "$instance_arn" --permission-set-arn "$set_arn")"
  inline="$(sso get-inline-policy-for-permission-set --instance-arn "$instance_arn" --permission-set-arn "$set_arn" | jq '.InlinePolicy // ""')"
  managed="$(sso list-managed-policies-in-permission-set --instance-arn "$instance_arn" --permission-set-arn "$set_arn" | jq '.AttachedManagedPolicies')"
  customer="$(sso list-customer-managed-policy-references-in-permission-set --instance-arn "$instance_arn" --permission-set-arn "$set_arn" | jq '.CustomerManagedPolicyReferences')"
  # A set without a boundary answers ResourceNotFoundException; anything else is a real failure.
  if boundary_output="$(sso get-permissions-boundary-for-permission-set --instance-arn "$instance_arn" --permission-set-arn "$set_arn" 2>"$work_dir/error.txt")"; then
    boundary="$(jq '.PermissionsBoundary' <<<"$boundary_output")"
  elif grep -q ResourceNotFoundException "$work_dir/error.txt"; then
    boundary=null
  else
    cat "$work_dir/error.txt" >&2
    exit 1
  fi
  jq -c --argjson inline "$inline" --argjson managed "$managed" --argjson customer "$customer" --argjson boundary "$boundary" \
    '.PermissionSet + {InlinePolicy: $inline, AttachedManagedPolicies: $managed, CustomerManagedPolicyReferences: $customer, PermissionsBoundary: $boundary}' \
    <<<"$described" >>"$work_dir/sets.jsonl"
  # Assignments are listed per account, for the accounts the set is provisioned to.
  while IFS= read -r account_id; do
    [[ -z "$account_id" ]] && continue
    sso list-account-assignments --instance-arn "$instance_arn" --account-id "$account_id" --permission-set-arn "$set_arn" | jq -c '.AccountAssignments[]' >>"$work_dir/assignments.jsonl"
  done < <(sso list-accounts-for-provisioned-permission-set --instance-arn "$instance_arn" --permission-set-arn "$set_arn" | jq -r '.AccountIds[]')
done < <(sso list-permission-sets --instance-arn "$instance_arn" | jq -r '.PermissionSets[]')
jq -s '.' "$work_dir/sets.jsonl" >"$work_dir/sets.json"
jq -s '.' "$work_dir/assignments.jsonl" >"$work_dir/assignments.json"
echo "  $(jq length "$work_dir/sets.json") permission sets, $(jq length "$work_dir/assignments.json") assignments" >&2

echo "Reading the identity store..." >&2
store list-users --identity-store-id "$identity_store_id" | jq '.Users' >"$work_dir/users.json"
store list-groups --identity-store-id "$identity_store_id" | jq '.Groups' >"$work_dir/groups.json"
: >"$work_dir/memberships.jsonl"
while IFS= read -r group_id; do
  [[ -z "$group_id" ]] && continue
  store list-group-memberships --identity-store-id "$identity_store_id" --group-id "$group_id" | jq -c '.GroupMemberships[]' >>"$work_dir/memberships.jsonl"
done < <(jq -r '.[].GroupId' "$work_dir/groups.json")
jq -s '.' "$work_dir/memberships.jsonl" >"$work_dir/memberships.json"
echo "  $(jq length "$work_dir/users.json") users, $(jq length "$work_dir/groups.json") groups, $(jq length "$work_dir/memberships.json") memberships" >&2

jq -n \
  --arg instance "$instance_arn" \
  --arg store "$identity_store_id" \
  --slurpfile users "$work_dir/users.json" \
  --slurpfile groups "$work_dir/groups.json" \
  --slurpfile memberships "$work_dir/memberships.json" \
  --slurpfile sets "$work_dir/sets.json" \
  --slurpfile assignments "$work_dir/assignments.json" \
  '{IdentityCenter: {InstanceArn: $instance, IdentityStoreId: $store, Users: $users[0], Groups: $groups[0], GroupMemberships: $memberships[0], PermissionSets: $sets[0], AccountAssignments: $assignments[0]}}' >"$work_dir/result.json"
mv "$work_dir/result.json" "$output_file"
echo "Wrote $output_file" >&2
