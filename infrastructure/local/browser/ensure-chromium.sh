#!/usr/bin/env bash
# Makes sure Debian's headless Chromium and ChromeDriver are installed for the browser tests.
# Idempotent: when /usr/bin/chromium already answers --version this returns at once.
# Installs with apt-get (as root, or through passwordless sudo), refreshing the package lists
# when they are missing or the first attempt fails; three attempts with growing pauses because
# a mirror hiccup or another apt process holding the lock should not fail a test run.
# Exit codes: 0 Chromium works; 2 cannot install here (no apt / not root); 1 install failed.
set -uo pipefail

CHROMIUM="${MICROCRED_CHROMIUM:-/usr/bin/chromium}"
PACKAGES=(chromium chromium-driver)

works() {
    [[ -x "$CHROMIUM" ]] && "$CHROMIUM" --version >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1
}

if works; then
    "$CHROMIUM" --version 2>/dev/null
    exit 0
fi

how_to() {
    echo "Install it by hand with: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${PACKAGES[*]}" >&2
    echo "or run with MICROCRED_BROWSER_TESTS=skip to skip the browser tests." >&2
}

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: Chromium is not installed at $CHROMIUM and this machine has no apt-get." >&2
    how_to
    exit 2
fi

SUDO=()
if [[ "$(id -u)" -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO=(sudo -n)
    else
        echo "ensure-chromium: Chromium is not installed at $CHROMIUM and installing it needs root (no passwordless sudo)." >&2
        how_to
        exit 2
    fi
fi

export DEBIAN_FRONTEND=noninteractive
APT=("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=180)
LOG="$(mktemp -t microcred-chromium-install.XXXXXX)"
trap 'rm -f "$LOG"' EXIT

# No candidate means the package lists were never fetched (or are stale): update before installing.
needs_update() {
    ! apt-cache policy chromium 2>/dev/null | grep -q 'Candidate: [0-9]'
}

echo "ensure-chromium: installing ${PACKAGES[*]} with apt-get (first run only)..." >&2
for attempt in 1 2 3; do
    if [[ $attempt -gt 1 ]] || needs_update; then
        "${APT[@]}" update >>"$LOG" 2>&1 || echo "ensure-chromium: apt-get update failed (attempt $attempt)" >&2
    fi
    if "${APT[@]}" install --no-install-recommends "${PACKAGES[@]}" >>"$LOG" 2>&1 && works; then
        "$CHROMIUM" --version 2>/dev/null
        exit 0
    fi
    if [[ $attempt -lt 3 ]]; then
        pause=$((attempt * attempt * 5))
        echo "ensure-chromium: attempt $attempt failed, retrying in ${pause}s" >&2
        sleep "$pause"
    fi
done

echo "ensure-chromium: could not install ${PACKAGES[*]}. Last apt-get output:" >&2
tail -n 30 "$LOG" >&2
how_to
exit 1
