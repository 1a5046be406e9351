#!/usr/bin/env bash
# Posts a sample host request to a locally running handler, the way the Azure Functions host does:
#   FUNCTIONS_CUSTOMHANDLER_PORT=7072 dotnet run --project Functions -- serve &
#   samples/host-requests/post.sh SummarizeArticle
set -euo pipefail
function=${1:?usage: post.sh SummarizeArticle|ComposeBriefing|SendBriefing}
port=${FUNCTIONS_CUSTOMHANDLER_PORT:-7072}
curl -sS -X POST "http://127.0.0.1:${port}/${function}" \
  -H 'content-type: application/json; charset=utf-8' \
  -H "X-Azure-Functions-InvocationId: $(cat /proc/sys/kernel/random/uuid 2>/dev/null || echo 00000000-0000-0000-0000-000000000000)" \
  --data-binary "@$(dirname "$0")/${function}.json"
echo
