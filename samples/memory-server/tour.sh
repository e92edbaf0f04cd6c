#!/usr/bin/env bash
# Every verb of the memory server, once, with curl: the calls the README shows. Start the server as the README says,
# then run:  BASE=http://localhost:8080 KEY=$ALICE_KEY ADMIN_TOKEN=$ADMIN_TOKEN EXPORT_DIR=/tmp/astrocyte-exports ./tour.sh
# Stops at the first call that does not answer 2xx (curl --fail-with-body), printing the problem it got.
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
KEY=${KEY:?set KEY to an API key the server knows}
EXPORT_DIR=${EXPORT_DIR:-/tmp/astrocyte-exports}
BANK=${BANK:-user-alice}

post() { # path, JSON body
  echo "POST $1" >&2
  curl -sS --fail-with-body -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' "$BASE$1" -d "$2"
  echo
}
admin() { # method, path, [JSON body]
  echo "$1 $2" >&2
  curl -sS --fail-with-body -X "$1" ${ADMIN_TOKEN:+-H "X-Admin-Token: $ADMIN_TOKEN"} \
    -H 'Content-Type: application/json' "$BASE$2" ${3:+-d "$3"}
  echo
}

curl -sS --fail-with-body "$BASE/live"; echo
curl -sS --fail-with-body "$BASE/health"; echo

post /v1/retain "{\"bank_id\": \"$BANK\", \"content\": \"Alice keeps her passport in the blue folder\", \"tags\": [\"docs\"]}"
post /v1/retain "{\"bank_id\": \"$BANK\", \"content\": \"Alice moved to Leeds in May\", \"metadata\": {\"source\": \"chat\"}}"
post /v1/recall "{\"bank_id\": \"$BANK\", \"query\": \"where is the passport?\", \"max_results\": 3}"
post /v1/debug/recall "{\"bank_id\": \"$BANK\", \"query\": \"where is the passport?\"}"
post /v1/reflect "{\"bank_id\": \"$BANK\", \"query\": \"Where does Alice live?\"}"
post /v1/history "{\"bank_id\": \"$BANK\", \"query\": \"passport\", \"as_of\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\"}"

mkdir -p "$EXPORT_DIR"
post /v1/export "{\"bank_id\": \"$BANK\", \"path\": \"$EXPORT_DIR/$BANK.jsonl\"}"
post /v1/import "{\"bank_id\": \"$BANK\", \"path\": \"$EXPORT_DIR/$BANK.jsonl\", \"on_conflict\": \"skip\"}"

admin POST "/v1/admin/banks/$BANK/hold" '{"hold_id": "case-1", "reason": "tour", "set_by": "counsel"}'
admin GET "/v1/admin/banks/$BANK/hold"
admin DELETE "/v1/admin/banks/$BANK/hold/case-1"
admin GET "/v1/admin/banks/$BANK/health"
admin GET /v1/admin/banks/health
admin POST /v1/admin/lifecycle "{\"bank_id\": \"$BANK\"}"

post /v1/forget "{\"bank_id\": \"$BANK\", \"tags\": [\"docs\"]}"
curl -sS --fail-with-body "$BASE/openapi.json" > /dev/null && echo "GET /openapi.json ok" >&2
