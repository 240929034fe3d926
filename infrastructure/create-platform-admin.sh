#!/usr/bin/env bash
# Makes the first platform administrator of a deployed microcred stack: their sign-in account in
# the stack's user pool (Cognito emails them a temporary password) and their record in the
# OrganizationsTable, from which every token of theirs gets the platform-admin role. Nobody can
# create organisations through the API before this has run once. Running it again changes nothing.
#
#   infrastructure/create-platform-admin.sh --stack microcred --email ops@district.org \
#       --given-name Grace --family-name Hopper [--region us-east-1]
#
# Needs the AWS CLI and credentials allowed to describe the stack, create users in its user pool
# (cognito-idp:AdminCreateUser, ListUsers) and write its OrganizationsTable (dynamodb:PutItem).
# MICROCRED_COGNITO_ENDPOINT / MICROCRED_DYNAMODB_ENDPOINT point the command at emulators instead.
set -euo pipefail

usage() {
  sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

stack="" email="" given_name="" family_name="" region=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --stack) stack="${2:-}"; shift 2 || usage ;;
    --email) email="${2:-}"; shift 2 || usage ;;
    --given-name) given_name="${2:-}"; shift 2 || usage ;;
    --family-name) family_name="${2:-}"; shift 2 || usage ;;
    --region) region="${2:-}"; shift 2 || usage ;;
    -h|--help) usage ;;
    *) echo "Unknown option: $1" >&2; usage ;;
  esac
done
if [[ -z "$stack" || -z "$email" || -z "$given_name" || -z "$family_name" ]]; then
  echo "--stack, --email, --given-name and --family-name are required." >&2
  usage
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

region_args=()
if [[ -n "$region" ]]; then
  region_args=(--region "$region")
fi

# One stack output, or empty when the stack has no such output.
output() {
  local value
  value="$(aws cloudformation describe-stacks ${region_args[@]+"${region_args[@]}"} --stack-name "$stack" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue | [0]" --output text)"
  [[ "$value" == "None" ]] && value=""
  printf '%s' "$value"
}

user_pool_id="$(output UserPoolId)"
table="$(output OrganizationsTableName)"
if [[ -z "$user_pool_id" || -z "$table" ]]; then
  echo "Stack $stack has no UserPoolId or OrganizationsTableName output; is it a microcred stack?" >&2
  exit 1
fi
sign_in_url="$(output SignInUrl)"
# A user pool id starts with its region (us-east-1_AbC123): the stack's region whatever the profile says.
region="${region:-${user_pool_id%%_*}}"

jar="functions/organizations/target/microcred-organizations-function.jar"
if [[ ! -f "$jar" ]]; then
  echo "Building $jar (mvn package, tests skipped)..." >&2
  mvn -B -q -DskipTests -pl functions/organizations -am package
fi

endpoint_args=()
if [[ -n "${MICROCRED_COGNITO_ENDPOINT:-}" ]]; then
  endpoint_args+=(--cognito-endpoint "$MICROCRED_COGNITO_ENDPOINT")
fi
if [[ -n "${MICROCRED_DYNAMODB_ENDPOINT:-}" ]]; then
  endpoint_args+=(--dynamodb-endpoint "$MICROCRED_DYNAMODB_ENDPOINT")
fi

java -cp "$jar" org.microcred.organizations.admin.CreatePlatformAdmin \
  --user-pool-id "$user_pool_id" --table "$table" --region "$region" \
  --email "$email" --given-name "$given_name" --family-name "$family_name" \
  ${endpoint_args[@]+"${endpoint_args[@]}"}

cat <<EOF

How they sign in:
  - Cognito emails them "Your microcred account" with a temporary password (check spam; it
    expires after the user pool's temporary-password validity, 7 days unless changed).
  - At the first sign-in they choose their own password; their tokens then carry platform-admin,
    and POST /orgs creates the first organisation.
EOF
if [[ -n "$sign_in_url" ]]; then
  echo "  - Hosted sign-in page: $sign_in_url"
else
  echo "  - The stack has no hosted sign-in domain (AuthDomainPrefix empty): sign in through the web app."
fi
cat <<EOF
  - Invitation expired or lost? Send it again:
      aws cognito-idp admin-create-user --region $region --user-pool-id $user_pool_id \\
        --username $email --message-action RESEND
EOF
