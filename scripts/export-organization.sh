#!/usr/bin/env bash
# Writes the organisation file (organization.json) that `npm run cli -- scan --from DIR` reads:
# roots, OUs, accounts with their parent and tags, every SCP/RCP and Bedrock policy with its
# targets, and each account's effective Bedrock policy (the guardrail it enforces).
# Format: scanners/offline/FORMAT.md. Run it with credentials of the management account (or a
# delegated administrator for Organizations), read-only:
#   organizations:Describe*, organizations:List*
#
# Usage: scripts/export-organization.sh [OUTPUT_FILE]      (default: organization.json)
# Needs: aws (v2), jq. Honours AWS_PROFILE / AWS_REGION as the AWS CLI does.
set -euo pipefail

output_file="${1:-organization.json}"

# shellcheck source=scripts/export-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/export-common.sh"

# The CLI paginates list calls by itself; JSON output regardless of the user's default format.
org() { aws organizations "$@" --output json; }

echo "Reading the organisation..." >&2
org describe-organization | jq '{id: .Organization.Id, managementAccountId: .Organization.MasterAccountId}' >"$work_dir/organization.json"
org list-roots | jq '[.Roots[] | {id: .Id, name: .Name}]' >"$work_dir/roots.json"

# Organisational units, breadth first from every root: the API only lists one level at a time.
: >"$work_dir/units.jsonl"
mapfile -t queue < <(jq -r '.[].id' "$work_dir/roots.json")
while ((${#queue[@]} > 0)); do
  parent_id="${queue[0]}"
  queue=("${queue[@]:1}")
  children="$(org list-organizational-units-for-parent --parent-id "$parent_id" | jq -c --arg parent "$parent_id" '.OrganizationalUnits[] | {id: .Id, name: .Name, parentId: $parent}')"
  [[ -z "$children" ]] && continue
  printf '%s\n' "$children" >>"$work_dir/units.jsonl"
  mapfile -t -O "${#queue[@]}" queue < <(printf '%s\n' "$children" | jq -r '.id')
done
jq -s '.' "$work_dir/units.jsonl" >"$work_dir/units.json"
echo "  $(jq length "$work_dir/units.json") organisational units" >&2

# Accounts with their direct parent and tags (environment and owner are read from the tags).
: >"$work_dir/accounts.jsonl"
org list-accounts | jq -c '.Accounts[] | {id: .Id, name: .Name, email: .Email, status: (.Status // .State)}' >"$work_dir/account-list.jsonl"
account_total="$(wc -l <"$work_dir/account-list.jsonl")"
account_index=0
while IFS= read -r account; do
  account_index=$((account_index + 1))
  account_id="$(jq -r '.id' <<<"$account")"
  parent_id="$(org list-parents --child-id "$account_id" | jq -r '.Parents[0].Id')"
  tags="$(org list-tags-for-resource --resource-id "$account_id" | jq -c '[.Tags[]? | {key: .Key, value: .Value}] | from_entries')"
  jq -c --arg parent "$parent_id" --argjson tags "$tags" '. + {parentId: $parent, tags: $tags}' <<<"$account" >>"$work_dir/accounts.jsonl"
  if ((account_index % 50 == 0)); then echo "  $account_index/$account_total accounts" >&2; fi
done <"$work_dir/account-list.jsonl"
jq -s '.' "$work_dir/accounts.jsonl" >"$work_dir/accounts.json"
echo "  $account_total accounts" >&2

# SCPs and RCPs with their content (a JSON string, as describe-policy returns it) and targets.
: >"$work_dir/policies.jsonl"
for policy_type in SERVICE_CONTROL_POLICY RESOURCE_CONTROL_POLICY; do
  if ! listing="$(org list-policies --filter "$policy_type" 2>"$work_dir/error.txt")"; then
    # RCPs need a recent CLI and may be disabled; an SCP failure is fatal.
    if [[ "$policy_type" == RESOURCE_CONTROL_POLICY ]]; then
      echo "  warning: could not list resource control policies ($(tr -d '\n' <"$work_dir/error.txt")); continuing without them" >&2
      continue
    fi
    cat "$work_dir/error.txt" >&2
    exit 1
  fi
  while IFS= read -r policy_id; do
    [[ -z "$policy_id" ]] && continue
    content="$(org describe-policy --policy-id "$policy_id")"
    targets="$(org list-targets-for-policy --policy-id "$policy_id" | jq -c '[.Targets[].TargetId]')"
    jq -c --arg type "$policy_type" --argjson targets "$targets" \
      '{id: .Policy.PolicySummary.Id, name: .Policy.PolicySummary.Name, type: $type, content: .Policy.Content, targetIds: $targets}' <<<"$content" >>"$work_dir/policies.jsonl"
  done < <(jq -r '.Policies[].Id' <<<"$listing")
done
# Bedrock policies (guardrails the organisation enforces): listed like SCPs, but never fatal.
if listing="$(org list-policies --filter BEDROCK_POLICY 2>"$work_dir/error.txt")"; then
  while IFS= read -r policy_id; do
    [[ -z "$policy_id" ]] && continue
    content="$(org describe-policy --policy-id "$policy_id")"
    targets="$(org list-targets-for-policy --policy-id "$policy_id" | jq -c '[.Targets[].TargetId]')"
    jq -c --argjson targets "$targets" \
      '{id: .Policy.PolicySummary.Id, name: .Policy.PolicySummary.Name, type: "BEDROCK_POLICY", content: .Policy.Content, targetIds: $targets}' <<<"$content" >>"$work_dir/policies.jsonl"
  done < <(jq -r '.Policies[].Id' <<<"$listing")
else
  echo "  warning: could not list Bedrock policies ($(tr -d '\n' <"$work_dir/error.txt")); organisation guardrails will read as unknown" >&2
fi
jq -s '.' "$work_dir/policies.jsonl" >"$work_dir/policies.json"

# Each account's effective Bedrock policy: none (EffectivePolicyNotFoundException) is recorded as
# null; any other failure is recorded with its error, so the app shows the guardrail as unknown.
: >"$work_dir/effective.jsonl"
while IFS= read -r account_id; do
  if answer="$(org describe-effective-policy --policy-type BEDROCK_POLICY --target-id "$account_id" 2>"$work_dir/error.txt")"; then
    jq -c --arg id "$account_id" '{targetId: $id, policyType: "BEDROCK_POLICY", content: .EffectivePolicy.PolicyContent}' <<<"$answer" >>"$work_dir/effective.jsonl"
  elif grep -q EffectivePolicyNotFoundException "$work_dir/error.txt"; then
    jq -nc --arg id "$account_id" '{targetId: $id, policyType: "BEDROCK_POLICY", content: null}' >>"$work_dir/effective.jsonl"
  else
    code="$(grep -o '([A-Za-z]*Exception)' "$work_dir/error.txt" | head -1 | tr -d '()')"
    jq -nc --arg id "$account_id" --arg code "${code:-Error}" --arg message "$(tr -d '\n' <"$work_dir/error.txt")" \
      '{targetId: $id, policyType: "BEDROCK_POLICY", content: null, error: {code: $code, message: $message}}' >>"$work_dir/effective.jsonl"
  fi
done < <(jq -r '.[] | select(.status != "SUSPENDED") | .id' "$work_dir/accounts.json")
jq -s '.' "$work_dir/effective.jsonl" >"$work_dir/effective.json"
echo "  $(jq length "$work_dir/policies.json") policies" >&2

jq -n \
  --slurpfile organization "$work_dir/organization.json" \
  --slurpfile roots "$work_dir/roots.json" \
  --slurpfile units "$work_dir/units.json" \
  --slurpfile accounts "$work_dir/accounts.json" \
  --slurpfile policies "$work_dir/policies.json" \
  --slurpfile effective "$work_dir/effective.json" \
  '{organization: $organization[0], roots: $roots[0], organizationalUnits: $units[0], accounts: $accounts[0], policies: $policies[0], effectivePolicies: $effective[0]}' >"$work_dir/result.json"
mv "$work_dir/result.json" "$output_file"
echo "Wrote $output_file" >&2
