# Sourced by the export-*.sh scripts after their arguments are read, never run on its own: stops
# when the AWS CLI or jq is missing, and makes the scratch folder $work_dir, removed when the
# script exits, however it ends.

for tool in aws jq; do
  command -v "$tool" >/dev/null 2>&1 || { echo "error: $tool is required but not installed" >&2; exit 1; }
done

work_dir="$(mktemp -d)"
trap 'rm -rf "$work_dir"' EXIT
