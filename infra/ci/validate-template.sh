#!/usr/bin/env bash
# Validate template.yaml offline:
#   1. cfn-lint (any error, warning or informational finding fails),
#   2. the AWS SAM translator transform plus the security checks in sam_transform_check.py
#      (least-privilege IAM with partition-key conditions, a key policy separating administration from use,
#      the webhook role has no KMS action, webhook flood protection, routes, sync schedule, env, table and index),
#      run once per value of the Packaging parameter (native, jvm), plus what Packaging changes (memory,
#      CONNECTOR_PACKAGING) and a check that the two resolved stacks differ in nothing else.
#      (cfn-lint runs once, on the template as written; the values Packaging selects are checked in step 2.)
# Usage: infra/ci/validate-template.sh [path/to/template.yaml]
# Exit code 0 = valid; non-zero = a problem (the last line says which step failed).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
template="${1:-$root/template.yaml}"

fail() {
  echo "TEMPLATE VALIDATION FAILED: $*" >&2
  exit 1
}

[ -f "$template" ] || fail "no template at $template"

# A Python that has the SAM translator and PyYAML: $PYTHON, python3 on PATH (a pyenv shim
# on this project's machines), then pyenv's shim and interpreters even when pyenv is not
# on PATH.
has_translator() { "$1" -c 'import samtranslator, yaml' >/dev/null 2>&1; }
pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}"
python_bin=""
for candidate in ${PYTHON:+"$PYTHON"} python3 "$pyenv_root/shims/python3" "$pyenv_root"/versions/*/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 && has_translator "$candidate"; then
    python_bin="$candidate"
    break
  fi
done
[ -n "$python_bin" ] || fail "no python3 with aws-sam-translator and PyYAML found; install: pip install aws-sam-translator cfn-lint"

# cfn-lint: on PATH, else the console script next to that Python, else its entry point.
python_dir="$(dirname "$(command -v "$python_bin")")"
if command -v cfn-lint >/dev/null 2>&1; then
  cfn_lint=(cfn-lint)
elif [ -x "$python_dir/cfn-lint" ]; then
  cfn_lint=("$python_dir/cfn-lint")
elif "$python_bin" -c 'import cfnlint.runner' >/dev/null 2>&1; then
  cfn_lint=("$python_bin" -c 'import sys; from cfnlint.runner import main; sys.argv[0] = "cfn-lint"; sys.exit(main())')
else
  fail "cfn-lint not found; install: pip install cfn-lint"
fi

echo "== cfn-lint $("${cfn_lint[@]}" --version 2>&1 | tr -d '\n') on ${template#"$root"/}"
if ! "${cfn_lint[@]}" -- "$template"; then
  fail "cfn-lint reported problems in $template"
fi
echo "ok    cfn-lint: no findings"

echo "== SAM translator $("$python_bin" -c 'import samtranslator; print(samtranslator.__version__)') transform + security checks, Packaging=native and Packaging=jvm"
if ! "$python_bin" "$here/sam_transform_check.py" "$template"; then
  fail "SAM transform or template security checks failed for $template"
fi

echo "TEMPLATE VALIDATION PASSED: $template"
