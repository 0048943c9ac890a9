#!/usr/bin/env bash
# Adds the test users of test-users.json (the demo's people, password "<user>-test-password") and the
# password-grant client appeal-test-cli to a running realm. For test and staging installs only: the
# production realm has no people until the region's administrators add them.
#   docker/keycloak/add-test-users.sh http://localhost:8180 kc-admin '<KEYCLOAK_ADMIN_PASSWORD>'
set -euo pipefail
keycloak="${1:?Keycloak URL}"; admin="${2:?master realm administrator}"; password="${3:?its password}"
token=$(curl -fsS -d grant_type=password -d client_id=admin-cli --data-urlencode "username=$admin" \
  --data-urlencode "password=$password" "$keycloak/realms/master/protocol/openid-connect/token" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  --data-binary @"$(dirname "$0")/test-users.json" "$keycloak/admin/realms/appeals/partialImport"
echo
