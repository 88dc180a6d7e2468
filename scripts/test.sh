#!/usr/bin/env bash
# Runs the test layers.
#   pure layer   — pytest over fanpin/policy and the spreadsheet writers (no Frappe needed)
#   Frappe layer — when a bench is found ($FANPIN_BENCH, else /opt/frappe-bench): this checkout is
#                  put into the bench, a throw-away site is created, fanpin installed, migrated twice
#                  (the second must change nothing), its FrappeTestCase tests run
#   HTTP layer   — on the same site with the demo county and the probe data, the web server, the
#                  realtime server and a worker are started and the scope probe matrix runs over HTTP
#   browser layer — desk journeys in Debian's Chromium (Playwright) against the same running site
#   then the app is uninstalled and the bench put back as it was.
# Exits non-zero on any failure, and when a layer ran no test.
set -uo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="${FANPIN_BENCH:-/opt/frappe-bench}"
VENV="${FANPIN_TEST_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/fanpin-test-venv}"
DB_ROOT_PASSWORD="${FANPIN_DB_ROOT_PASSWORD:-}"
# a name no earlier run had: jobs a dropped site left in Redis are not picked up by this one
SITE="fanpin-ci-$(date +%s)-$$.localhost"
LOG_DIR="$(mktemp -d)"

say() { printf '\n== %s\n' "$*"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }

runtime_dependencies() {
	python3 - "$REPO/pyproject.toml" "$@" <<'PY'
import sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
deps = list(project["dependencies"])
for extra in sys.argv[2:]:
	deps += project["optional-dependencies"][extra]
print("\n".join(deps))
PY
}

# ---------------------------------------------------------------- pure layer
say "pure layer (pytest)"
if [ ! -x "$VENV/bin/python" ]; then
	python3 -m venv "$VENV" || fail "cannot create $VENV"
fi
mapfile -t PURE_DEPS < <(runtime_dependencies test live)
"$VENV/bin/pip" install -q --disable-pip-version-check "${PURE_DEPS[@]}" || fail "cannot install test dependencies"
(cd "$REPO" && "$VENV/bin/python" -m pytest -q -p no:cacheprovider) | tee "$LOG_DIR/pytest.log"
pure_status=${PIPESTATUS[0]}
[ "$pure_status" -eq 0 ] || fail "pure layer (pytest exit $pure_status)"
grep -Eq '^[0-9]+ passed' "$LOG_DIR/pytest.log" || fail "pure layer ran no test"

# ---------------------------------------------------------------- Frappe layer
if [ ! -d "$BENCH/apps/frappe" ] || [ ! -x "$BENCH/env/bin/python" ]; then
	say "no bench at $BENCH: Frappe layer skipped"
	exit 0
fi
say "Frappe layer on $BENCH (site $SITE)"
command -v bench >/dev/null || fail "the bench command is not on PATH"

SAVED="$BENCH/apps/.fanpin-saved-$$"
added_host=no
had_archive_dir=$([ -d "$BENCH/archived" ] && echo yes || echo no)
cp "$BENCH/sites/apps.txt" "$LOG_DIR/apps.txt"
"$BENCH/env/bin/pip" freeze --all --disable-pip-version-check > "$LOG_DIR/freeze-before.txt" 2>/dev/null

db_root() { printf '%s\n' "$DB_ROOT_PASSWORD"; }

SERVER_PIDS=()
stop_servers() {
	for pid in "${SERVER_PIDS[@]}"; do kill -- -"$pid" 2>/dev/null; done
	SERVER_PIDS=()
}

restore_bench() {
	stop_servers
	cd "$BENCH" || return
	if [ -d "sites/$SITE" ]; then
		db_root | bench drop-site "$SITE" --force --no-backup --db-root-username root >/dev/null 2>&1
	fi
	rm -rf "sites/$SITE" archived/sites/"$SITE"* archived_sites/"$SITE"*
	if [ "$had_archive_dir" = no ]; then rm -rf archived; fi
	rm -f apps/fanpin
	if [ "$added_host" = yes ]; then sed -i "/^127\.0\.0\.1 $SITE\$/d" /etc/hosts; fi
	if [ -e "$SAVED" ] || [ -L "$SAVED" ]; then mv "$SAVED" apps/fanpin; fi
	cp "$LOG_DIR/apps.txt" sites/apps.txt
	"$BENCH/env/bin/pip" freeze --all --disable-pip-version-check > "$LOG_DIR/freeze-after.txt" 2>/dev/null
	local added
	added=$(comm -13 <(cut -d= -f1 "$LOG_DIR/freeze-before.txt" | sort) <(cut -d= -f1 "$LOG_DIR/freeze-after.txt" | sort))
	if [ -n "$added" ]; then
		# shellcheck disable=SC2086
		"$BENCH/env/bin/pip" uninstall -q -y $added >/dev/null 2>&1
	fi
	rm -rf "$LOG_DIR"
}
trap restore_bench EXIT

# MariaDB as Frappe needs it (settable at runtime; harmless when already so).
mysql -uroot ${DB_ROOT_PASSWORD:+-p"$DB_ROOT_PASSWORD"} -h127.0.0.1 -e "SET GLOBAL character_set_server='utf8mb4'; SET GLOBAL collation_server='utf8mb4_unicode_ci'; SET GLOBAL innodb_read_only_compressed=OFF" \
	|| fail "cannot configure MariaDB"

cd "$BENCH" || fail "cannot enter $BENCH"
if [ -e apps/fanpin ] || [ -L apps/fanpin ]; then mv apps/fanpin "$SAVED"; fi
ln -s "$REPO" apps/fanpin
grep -qx fanpin sites/apps.txt || printf '\nfanpin\n' >> sites/apps.txt
sed -i '/^$/d' sites/apps.txt
mapfile -t APP_DEPS < <(runtime_dependencies)
"$BENCH/env/bin/pip" install -q --disable-pip-version-check "${APP_DEPS[@]}" || fail "cannot install fanpin's dependencies into the bench"
# This checkout, not whatever copy of fanpin the bench may have installed, is what gets imported.
export PYTHONPATH="$REPO${PYTHONPATH:+:$PYTHONPATH}"

db_root | bench new-site "$SITE" --db-root-username root --admin-password admin \
	--mariadb-user-host-login-scope=% > "$LOG_DIR/new-site.log" 2>&1 || { tail -20 "$LOG_DIR/new-site.log"; fail "new-site"; }
bench --site "$SITE" install-app fanpin > "$LOG_DIR/install.log" 2>&1 || { tail -30 "$LOG_DIR/install.log"; fail "install-app"; }
grep -q "Error" "$LOG_DIR/install.log" && { tail -30 "$LOG_DIR/install.log"; fail "install-app reported an error"; }

fingerprint() {
	bench --site "$SITE" execute fanpin.setup.checks.fingerprint 2>/dev/null | tail -1
}
bench --site "$SITE" migrate > "$LOG_DIR/migrate1.log" 2>&1 || { tail -30 "$LOG_DIR/migrate1.log"; fail "first migrate"; }
first=$(fingerprint)
bench --site "$SITE" migrate > "$LOG_DIR/migrate2.log" 2>&1 || { tail -30 "$LOG_DIR/migrate2.log"; fail "second migrate"; }
second=$(fingerprint)
[ -n "$first" ] && [ "$first" = "$second" ] || fail "the second migrate changed data: $first != $second"
echo "second migrate changed nothing ($second)"

bench --site "$SITE" set-config allow_tests true >/dev/null
bench --site "$SITE" run-tests --app fanpin 2>&1 | tee "$LOG_DIR/run-tests.log"
# bench run-tests can exit 0 after a failure: judge by unittest's own summary.
grep -Eq '^FAILED' "$LOG_DIR/run-tests.log" && fail "Frappe layer"
grep -Eq '^OK' "$LOG_DIR/run-tests.log" || fail "Frappe layer did not finish"
ran=$(grep -Eo '^Ran [0-9]+ test' "$LOG_DIR/run-tests.log" | grep -Eo '[0-9]+' | tail -1)
[ "${ran:-0}" -gt 0 ] || fail "Frappe layer ran no test"

# ---------------------------------------------------------------- HTTP layer
say "HTTP layer: the scope probe matrix"
bench --site "$SITE" execute fanpin.demo.create --kwargs "{'households': 300}" > "$LOG_DIR/demo.log" 2>&1 \
	|| { tail -20 "$LOG_DIR/demo.log"; fail "demo county"; }
bench --site "$SITE" execute fanpin.tests.probe_data.build --kwargs "{'path': '$LOG_DIR/probe.json'}" \
	> "$LOG_DIR/probe-data.log" 2>&1 || { tail -20 "$LOG_DIR/probe-data.log"; fail "probe data"; }
[ -s "$LOG_DIR/probe.json" ] || { tail -20 "$LOG_DIR/probe-data.log"; fail "probe data wrote no manifest"; }
# The realtime server signs users in by calling the site back at the page's own address: the
# throw-away site's name must resolve (taken out again at the end).
added_host=no
if ! getent hosts "$SITE" >/dev/null && [ -w /etc/hosts ]; then
	printf '127.0.0.1 %s\n' "$SITE" >> /etc/hosts && added_host=yes
fi
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
setsid bench serve --port "$PORT" --noreload > "$LOG_DIR/serve.log" 2>&1 &
SERVER_PIDS+=($!)
setsid node apps/frappe/socketio.js > "$LOG_DIR/socketio.log" 2>&1 &
SERVER_PIDS+=($!)
setsid bench worker --queue short,default,long > "$LOG_DIR/worker.log" 2>&1 &
SERVER_PIDS+=($!)
for _ in $(seq 60); do
	curl -sf -H "Host: $SITE" "http://127.0.0.1:$PORT/api/method/ping" >/dev/null && break
	sleep 1
done
curl -sf -H "Host: $SITE" "http://127.0.0.1:$PORT/api/method/ping" >/dev/null || { tail -20 "$LOG_DIR/serve.log"; fail "the web server did not start"; }
(cd "$REPO" && FANPIN_PROBE_URL="http://127.0.0.1:$PORT" FANPIN_PROBE_HOST="$SITE" \
	FANPIN_PROBE_MANIFEST="$LOG_DIR/probe.json" "$VENV/bin/python" -m pytest -q -p no:cacheprovider \
	fanpin/tests/probe_matrix.py) | tee "$LOG_DIR/http.log"
http_status=${PIPESTATUS[0]}
if [ "$http_status" -ne 0 ]; then
	say "HTTP layer failed: how the site differs from the probe manifest"
	bench --site "$SITE" execute fanpin.tests.probe_data.explain --kwargs "{'path': '$LOG_DIR/probe.json'}" 2>&1 | tail -80
	echo "jobs the worker ran:"
	grep -Eo "job_name='[^']+'" "$LOG_DIR/worker.log" | sort | uniq -c
	fail "HTTP layer (pytest exit $http_status)"
fi
http_passed=$(grep -Eo '^[0-9]+ passed' "$LOG_DIR/http.log" | grep -Eo '[0-9]+')
[ "${http_passed:-0}" -gt 0 ] || fail "HTTP layer ran no test"

# ---------------------------------------------------------------- browser layer
say "browser layer: desk journeys in Chromium"
# the records each journey starts from, made after the matrix so that they never touch its probes
bench --site "$SITE" execute fanpin.tests.journey_data.build --kwargs "{'path': '$LOG_DIR/journeys'}" \
	> "$LOG_DIR/journey-data.log" 2>&1 || { tail -20 "$LOG_DIR/journey-data.log"; fail "journey data"; }
if [ ! -x /usr/bin/chromium ]; then
	apt-get install -y -q chromium > "$LOG_DIR/apt.log" 2>&1 || { apt-get update -q > /dev/null 2>&1 && apt-get install -y -q chromium > "$LOG_DIR/apt.log" 2>&1; } || fail "cannot install chromium"
fi
(cd "$REPO" && FANPIN_JOURNEY_URL="http://$SITE:$PORT" FANPIN_PROBE_MANIFEST="$LOG_DIR/probe.json" \
	FANPIN_JOURNEY_DATA="$LOG_DIR/journeys" \
	FANPIN_SCREENSHOTS="${FANPIN_SCREENSHOTS:-$LOG_DIR/screenshots}" "$VENV/bin/python" -m pytest -q -s \
	-p no:cacheprovider -p fanpin.tests.desk fanpin/tests/journeys_admin.py fanpin/tests/journeys.py \
	fanpin/tests/journeys_town.py fanpin/tests/journeys_city.py fanpin/tests/journeys_screening.py \
	fanpin/tests/journeys_jobs.py) | tee "$LOG_DIR/browser.log"
browser_status=${PIPESTATUS[0]}
stop_servers
[ "$browser_status" -eq 0 ] || fail "browser layer (pytest exit $browser_status)"
browser_passed=$(grep -Eo '^[0-9]+ passed' "$LOG_DIR/browser.log" | grep -Eo '[0-9]+')
[ "${browser_passed:-0}" -gt 0 ] || fail "browser layer ran no test"

bench --site "$SITE" uninstall-app fanpin --yes --no-backup > "$LOG_DIR/uninstall.log" 2>&1 || { tail -30 "$LOG_DIR/uninstall.log"; fail "uninstall-app"; }
echo "uninstall-app fanpin: ok"
passed=$(grep -Eo '^[0-9]+ passed' "$LOG_DIR/pytest.log" | grep -Eo '[0-9]+')
printf '\n%s passed, 0 failed\n' "$((passed + ran + http_passed + browser_passed))"
