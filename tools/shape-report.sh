#!/usr/bin/env bash
# Figures on how the code is cut, for comparing two states of the tree (the architecture issue's before/after):
#   tools/shape-report.sh [DIR]      DIR: a checkout (default: this one)
# Prints, per module, the files and lines of main and test code; per store interface, the main files outside its own
# implementations that name it (the places a new store of that kind must be added to); the files naming five or more
# stores (central lists); and the number of duplicated-code pairs the `duplicates` command finds, when it is installed.
set -eu

ROOT="$(cd "${1:-$(dirname "${BASH_SOURCE[0]}")/..}" && pwd)"
cd "$ROOT"

lines() { if [ $# -eq 0 ]; then echo 0; else cat "$@" | wc -l; fi; }

echo "== Modules: main files / lines, test files / lines"
for module in james-extensions/*/ camel-routes/; do
    [ -d "$module/src" ] || continue
    main=$(find "$module" -path '*/src/main/*' -name '*.java' 2>/dev/null | sort)
    test=$(find "$module" -path '*/src/test/*' -name '*.java' 2>/dev/null | sort)
    # shellcheck disable=SC2086
    printf '%-40s %4d %6d   %4d %6d\n' "${module%/}" "$(echo -n "$main" | grep -c . || true)" "$(lines $main)" \
        "$(echo -n "$test" | grep -c . || true)" "$(lines $test)"
done

echo
echo "== Stores: main files naming each store interface, outside the store's own implementations (files / modules)"
stores=$(grep -rlE --include=*.java '^public interface [A-Za-z]*(Store|Outbox)\b' james-extensions/*/src/main camel-routes/src/main 2>/dev/null \
    | xargs -r -n1 basename | sed 's/\.java$//' | sort -u)
total=0
total_modules=0
for store in $stores; do
    count=$(grep -rlw --include=*.java "$store" james-extensions/*/src/main camel-routes/src/main \
        | grep -vE "/(Memory|Cassandra|Jdbc)?${store#*}\.java$|/${store}\.java$" \
        | grep -vE "/(Memory|Cassandra|Jdbc)[A-Za-z]*${store}\.java$" | wc -l)
    modules=$(grep -rlw --include=*.java "$store" james-extensions/*/src/main camel-routes/src/main | sed 's|/src/main/.*||' | sort -u | wc -l)
    total=$((total + count))
    total_modules=$((total_modules + modules))
    printf '%-32s %3d %3d\n' "$store" "$count" "$modules"
done
echo "total                            $total $total_modules over $(echo "$stores" | grep -c .) stores"

echo
echo "== Central lists: main files naming five stores or more"
for file in $(grep -rlE --include=*.java '[A-Za-z]+(Store|Outbox)\b' james-extensions/*/src/main camel-routes/src/main); do
    named=0
    for store in $stores; do
        grep -qw "$store" "$file" && named=$((named + 1))
    done
    [ "$named" -ge 5 ] && printf '%-90s %3d stores\n' "$file" "$named"
done
true

echo
echo "== Duplicated code (duplicates, six lines or more)"
if command -v duplicates >/dev/null 2>&1; then
    duplicates --repo "$ROOT" --seconds 120 | head -1
else
    echo "duplicates is not installed here"
fi
