#!/usr/bin/env bash
# Test the Jupyter kernel (jupyter/) against an r2cast binary.
#
#   scripts/jupyter-test.sh [BINARY | fake]
#
# BINARY defaults to .build/debug/r2cast and must speak `r2cast protocol`;
# `fake` tests against jupyter/tests/fake_r2cast.py instead. The test venv,
# .build/jupyter-venv, is made from jupyter/requirements-test.txt (pinned)
# and kept until that file changes. The kernelspec goes to a temporary
# JUPYTER_PATH, so nothing reaches the user's Jupyter. Needs no tty or stdin.
set -euo pipefail

# BINARY relative to where the script was called from; the rest to the repo.
binary=${1:-}
if [[ -n $binary && $binary != fake && $binary != /* ]]; then binary=$PWD/$binary; fi
cd "$(dirname "$0")/.."
root=$PWD
binary=${binary:-$root/.build/debug/r2cast}
venv=$root/.build/jupyter-venv
requirements=$root/jupyter/requirements-test.txt
python=${PYTHON:-python3}
pip=(--disable-pip-version-check --no-input --quiet)

scratch=$(mktemp -d "${TMPDIR:-/tmp}/r2cast-jupyter-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# The binary: a copy, so that a rebuild during the run cannot change it.
given=$binary
if [[ $binary == fake ]]; then
    binary=$root/jupyter/tests/fake_r2cast.py
else
    if [[ ! -x $binary ]]; then
        echo "jupyter-test: no r2cast binary at $binary (build it first, or pass 'fake')" >&2
        exit 1
    fi
    cp "$binary" "$scratch/r2cast"
    binary=$scratch/r2cast
    if ! "$binary" protocol </dev/null >"$scratch/probe.out" 2>&1; then
        echo "jupyter-test: $given does not speak 'r2cast protocol':" >&2
        head -3 "$scratch/probe.out" >&2
        exit 1
    fi
fi
echo "jupyter-test: r2cast binary $given"

# Debian splits venv's pip bootstrap into python3-venv.
if ! python3 -c 'import ensurepip' 2>/dev/null; then
    echo "jupyter-test: installing python3-venv" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq </dev/null
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv </dev/null
fi

# The venv, rebuilt when the pinned requirements change.
digest=$(sha256sum "$requirements" | cut -d' ' -f1)
if [[ ! -x $venv/bin/python || $(cat "$venv/.requirements" 2>/dev/null) != "$digest" ]]; then
    echo "jupyter-test: building $venv"
    rm -rf "$venv"
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install "${pip[@]}" -r "$requirements" </dev/null
    echo "$digest" >"$venv/.requirements"
fi
"$venv/bin/python" -m pip install "${pip[@]}" --no-deps --no-build-isolation \
    --force-reinstall "$root/jupyter" </dev/null

# Jupyter kept in the scratch folder: the kernelspec, config, runtime files.
export JUPYTER_PATH=$scratch/prefix/share/jupyter
export JUPYTER_CONFIG_DIR=$scratch/config JUPYTER_DATA_DIR=$scratch/data
export JUPYTER_RUNTIME_DIR=$scratch/runtime IPYTHONDIR=$scratch/ipython
export R2CAST_BINARY=$binary PYTHONDONTWRITEBYTECODE=1
"$venv/bin/python" -m r2cast_kernel.install --prefix "$scratch/prefix" --binary "$binary" >/dev/null

status=0
"$venv/bin/python" -m pytest -q -p no:cacheprovider "$root/jupyter/tests" </dev/null \
    | tee "$scratch/pytest.out" || status=$?

# One line: the counts, in the form CI reads.
count() { grep -Eo "[0-9]+ $1" <(tail -1 "$scratch/pytest.out") | head -1 | cut -d' ' -f1 || true; }
passed=$(count passed) failed=$(count failed) errors=$(count error) skipped=$(count skipped)
echo "jupyter-test: ${passed:-0} passed, $(( ${failed:-0} + ${errors:-0} )) failed, ${skipped:-0} skipped"
exit "$status"
