#!/usr/bin/env bash
# Writes controls/<accountId>.json for the account of the current credentials: per region, the
# Bedrock model invocation logging configuration, the account-level enforced guardrails, and every
# guardrail with its versions, their definitions and its resource policy. Format:
# scanners/offline/FORMAT.md. Read-only; the role needs bedrock:GetModelInvocationLoggingConfiguration,
# bedrock:ListEnforcedGuardrailsConfiguration, bedrock:ListGuardrails, bedrock:GetGuardrail,
# bedrock:GetResourcePolicy. A refused call is written as {"error": {...}}: the app shows it as unknown.
#
# Usage: scripts/export-controls.sh OUTPUT_DIR REGION [REGION...]    (writes OUTPUT_DIR/controls/<id>.json)
# Needs: aws (v2), jq. Run once per account (e.g. with each account's read-only role profile).
set -euo pipefail

output_dir="${1:?usage: export-controls.sh OUTPUT_DIR REGION [REGION...]}"
shift
(($# > 0)) || { echo "error: name at least one region" >&2; exit 1; }
# shellcheck source=scripts/export-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/export-common.sh"

# One read: its JSON output, or {"error": {code, message}} when the CLI failed.
read_call() {
  local output
  if output="$(aws "$@" --output json 2>"$work_dir/error.txt")"; then
    if [[ -z "$output" ]]; then echo '{}'; else printf '%s\n' "$output"; fi
  else
    local code
    code="$(grep -o '([A-Za-z]*Exception)' "$work_dir/error.txt" | head -1 | tr -d '()')"
    jq -nc --arg code "${code:-Error}" --arg message "$(tr -d '\n' <"$work_dir/error.txt")" '{error: {code: $code, message: $message}}'
  fi
}

account_id="$(aws sts get-caller-identity --query Account --output text)"
echo "Reading the Bedrock controls of account $account_id..." >&2
printf '{}' >"$work_dir/regions.json"
for region in "$@"; do
  logging="$(read_call bedrock get-model-invocation-logging-configuration --region "$region")"
  enforced="$(read_call bedrock list-enforced-guardrails-configuration --region "$region")"
  guardrails="$(read_call bedrock list-guardrails --region "$region")"
  : >"$work_dir/records.jsonl"
  while IFS= read -r arn; do
    [[ -z "$arn" ]] && continue
    versions="$(read_call bedrock list-guardrails --region "$region" --guardrail-identifier "$arn")"
    mapfile -t numbered < <(jq -r '.guardrails[]?.version | select(. != "DRAFT")' <<<"$versions")
    ((${#numbered[@]} > 0)) || numbered=(DRAFT)
    : >"$work_dir/definitions.jsonl"
    for version in "${numbered[@]}"; do
      read_call bedrock get-guardrail --region "$region" --guardrail-identifier "$arn" --guardrail-version "$version" |
        jq -c --arg version "$version" 'if .error then . + {version: $version} else . end' >>"$work_dir/definitions.jsonl"
    done
    policy="$(read_call bedrock get-resource-policy --region "$region" --resource-arn "$arn")"
    jq -nc --arg arn "$arn" --argjson versions "$versions" --slurpfile definitions "$work_dir/definitions.jsonl" --argjson policy "$policy" \
      '{guardrailArn: $arn, versions: $versions, definitions: $definitions, resourcePolicy: $policy}' >>"$work_dir/records.jsonl"
  done < <(jq -r '.guardrails[]?.arn' <<<"$guardrails")
  jq --arg region "$region" --argjson logging "$logging" --argjson enforced "$enforced" --argjson guardrails "$guardrails" --slurpfile records "$work_dir/records.jsonl" \
    '. + {($region): {modelInvocationLogging: $logging, enforcedGuardrails: $enforced, guardrails: $guardrails, guardrailRecords: $records}}' \
    "$work_dir/regions.json" >"$work_dir/next.json"
  mv "$work_dir/next.json" "$work_dir/regions.json"
  echo "  $region done" >&2
done

mkdir -p "$output_dir/controls"
jq --arg id "$account_id" '{accountId: $id, regions: .}' "$work_dir/regions.json" >"$output_dir/controls/$account_id.json"
echo "Wrote $output_dir/controls/$account_id.json" >&2
